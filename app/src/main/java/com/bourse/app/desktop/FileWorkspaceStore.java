package com.bourse.app.desktop;

import com.bourse.ui.port.Workspace;
import com.bourse.ui.port.WorkspaceStore;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps each user's workspace in a small properties file, {@code <home>/workspaces/<user>.properties},
 * written to a temporary file and moved into place so a crash never leaves half a layout. A file that
 * cannot be read is ignored (the default layout is used) rather than blocking sign-in.
 *
 * <p>Thread-safe for distinct users; one user's saves are serialised.
 */
public final class FileWorkspaceStore implements WorkspaceStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private final Path folder;

    public FileWorkspaceStore(Path home) {
        this.folder = home.resolve("workspaces");
    }

    public Path fileOf(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a user name fit for a file: " + username);
        }
        return folder.resolve(name + ".properties");
    }

    @Override
    public Optional<Workspace> load(String username) {
        Path file = fileOf(username);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(read(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void save(String username, Workspace workspace) {
        Path file = fileOf(username);
        Properties p = write(workspace);
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, username, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Bourse workspace of " + username);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the workspace of " + username, e);
        }
    }

    static Properties write(Workspace w) {
        // Since JDK 18 Properties.store writes keys sorted, so the file stays readable and diff-friendly.
        Properties p = new Properties();
        p.setProperty("theme", w.theme());
        List<String> areaIds = new ArrayList<>();
        for (Workspace.Area area : w.areas()) {
            areaIds.add(area.id());
            p.setProperty("area." + area.id(), String.join(",", area.panels()));
            if (area.selected() != null) {
                p.setProperty("area." + area.id() + ".selected", area.selected());
            }
        }
        p.setProperty("areas", String.join(",", areaIds));
        for (Workspace.Detached d : w.detached()) {
            p.setProperty("detached." + d.panel(), (d.homeArea() == null ? "" : d.homeArea()) + ";" + bounds(d.bounds()));
        }
        p.setProperty("dividers", join(w.dividers()));
        if (w.window() != null) {
            p.setProperty("window", bounds(w.window()));
        }
        new TreeMap<>(w.columnWidths()).forEach((k, v) -> p.setProperty("width." + k, Double.toString(v)));
        w.hiddenColumns().forEach((k, v) -> p.setProperty("hidden." + k, String.join(",", v)));
        w.sortOrders().forEach((k, v) -> p.setProperty("sort." + k, v));
        p.setProperty("confirmAboveNotional", Long.toString(w.confirmAboveNotional()));
        return p;
    }

    static Workspace read(Properties p) {
        List<Workspace.Area> areas = new ArrayList<>();
        for (String id : list(p.getProperty("areas", ""))) {
            areas.add(new Workspace.Area(id, list(p.getProperty("area." + id, "")),
                    p.getProperty("area." + id + ".selected")));
        }
        List<Workspace.Detached> detached = new ArrayList<>();
        Map<String, Double> widths = new HashMap<>();
        Map<String, List<String>> hidden = new HashMap<>();
        Map<String, String> sorts = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (key.startsWith("detached.")) {
                String[] parts = value.split(";", 2);
                detached.add(new Workspace.Detached(key.substring(9), parts[0].isEmpty() ? null : parts[0],
                        parts.length > 1 ? parseBounds(parts[1]) : null));
            } else if (key.startsWith("width.")) {
                widths.put(key.substring(6), Double.parseDouble(value));
            } else if (key.startsWith("hidden.")) {
                hidden.put(key.substring(7), list(value));
            } else if (key.startsWith("sort.")) {
                sorts.put(key.substring(5), value);
            }
        }
        List<Double> dividers = list(p.getProperty("dividers", "")).stream().map(Double::parseDouble).toList();
        String window = p.getProperty("window");
        return new Workspace(p.getProperty("theme", "dark"), areas, detached, dividers,
                window == null ? null : parseBounds(window), widths, hidden, sorts,
                Long.parseLong(p.getProperty("confirmAboveNotional", "50000")));
    }

    private static List<String> list(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    private static String join(List<Double> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static String bounds(Workspace.Bounds b) {
        return b.x() + "," + b.y() + "," + b.width() + "," + b.height();
    }

    private static Workspace.Bounds parseBounds(String text) {
        String[] v = text.split(",");
        return new Workspace.Bounds(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]));
    }
}
