package com.bourse.cluster.metrics;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Serves a node's {@link NodeMetrics} in the Prometheus text format at {@code http://127.0.0.1:<port>/metrics}.
 * Rates (commands/s, events/s) are left to Prometheus ({@code rate()} over the counters), as is usual. One
 * daemon thread; bound to loopback only.
 */
public final class PrometheusExporter implements AutoCloseable {
    private final HttpServer server;
    private final NodeMetrics metrics;

    public PrometheusExporter(NodeMetrics metrics, int port) throws IOException {
        this.metrics = metrics;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "metrics-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The exposition text; public so a test or a log line can read it without HTTP. */
    public String render() {
        String member = "{member=\"" + metrics.memberId() + "\"}";
        StringBuilder out = new StringBuilder(1024);
        counter(out, "bourse_commands_total", "Commands applied by the engine", member, metrics.commands());
        counter(out, "bourse_events_total", "Event messages sent to client sessions", member, metrics.events());
        counter(out, "bourse_events_dropped_total", "Event messages dropped on a back-pressured session", member,
                metrics.droppedEvents());
        counter(out, "bourse_rejected_messages_total", "Ingress messages refused (malformed, wrong user, sequence)",
                member, metrics.rejectedMessages());
        gauge(out, "bourse_sessions", "Open client sessions", member, metrics.sessions());
        gauge(out, "bourse_leader_member_id", "Member id of the current leader", member, metrics.leaderMemberId());
        gauge(out, "bourse_role", "This node's role: 0 follower, 1 candidate, 2 leader", member, metrics.role());
        gauge(out, "bourse_log_position", "Cluster log position of the last command applied", member,
                metrics.logPosition());
        NodeMetrics.EngineSnapshotDigest snapshot = metrics.engineSnapshot();
        gauge(out, "bourse_engine_snapshot_log_position",
                "Cluster log position of the last engine snapshot, -1 for none", member, snapshot.logPosition());
        gauge(out, "bourse_engine_snapshot_crc32",
                "CRC-32 of the last engine snapshot's bytes: equal positions, equal digests", member, snapshot.crc32());
        Histogram latency = metrics.latencySnapshot();
        out.append("# HELP bourse_command_latency_seconds Service time of one command: decode, apply, encode, send\n");
        out.append("# TYPE bourse_command_latency_seconds summary\n");
        for (double quantile : new double[] {0.5, 0.99, 0.999}) {
            out.append("bourse_command_latency_seconds{member=\"").append(metrics.memberId())
                    .append("\",quantile=\"").append(quantile).append("\"} ")
                    .append(latency.getValueAtPercentile(quantile * 100) / 1e9).append('\n');
        }
        out.append("bourse_command_latency_seconds_count").append(member).append(' ')
                .append(latency.getTotalCount()).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
