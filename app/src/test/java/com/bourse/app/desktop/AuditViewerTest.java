package com.bourse.app.desktop;

import com.bourse.ui.port.AuditLine;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.risk.AuditViewerPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/** The officer's audit viewer on the simulation's own trail: search, verify, a tampered store, export. */
class AuditViewerTest {
    @TempDir
    Path home;
    @TempDir
    Path exports;
    private DesktopDriver driver;
    private Workstation rita;

    @BeforeEach
    void signInOfficer() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        rita = driver.signIn("rita", "rita-training-1");
        driver.fxRun(() -> rita.dock().open(Workstation.RISK_AUDIT));
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private AuditViewerPanel viewer() {
        return rita.auditViewer();
    }

    private List<AuditLine> searchFor(String user, String action) {
        driver.fxRun(() -> {
            viewer().userField().setText(user);
            viewer().actionBox().setValue(action);
            viewer().table().getItems().clear();
            viewer().search();
        });
        driver.waitUntil(() -> viewer().message().getText().contains("matching entr"), 5);
        return driver.fx(() -> List.copyOf(viewer().table().getItems()));
    }

    @Test
    void searchByUserAndActionShowsOnlyThoseEntriesNewestFirst() {
        List<AuditLine> ritasSignIns = searchFor("rita", "SIGN_IN");

        assertThat(ritasSignIns).isNotEmpty().allSatisfy(l -> {
            assertThat(l.username()).isEqualTo("rita");
            assertThat(l.action()).isEqualTo("SIGN_IN");
        });
        assertThat(searchFor("", "")).extracting(AuditLine::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .anyMatch(seq -> seq == 1);
    }

    @Test
    void anUntouchedTrailVerifiesAsIntact() {
        driver.fxRun(() -> viewer().verify());

        driver.waitUntil(() -> viewer().verdict().getText().startsWith("Intact"), 10);
        assertThat(driver.fx(() -> viewer().brokenEntry().isVisible())).isFalse();
    }

    @Test
    void aTamperedAuditStoreShowsTheFirstBrokenEntryInTheViewer() {
        List<AuditLine> signIns = searchFor("alice", "SIGN_IN");
        long victim = signIns.getLast().seq();
        int changed = driver.desktop().host().office().store().dsl().update(AUDIT_LOG)
                .set(AUDIT_LOG.DETAILS, "edited behind the trail's back").where(AUDIT_LOG.SEQ.eq(victim)).execute();
        assertThat(changed).isEqualTo(1);

        driver.fxRun(() -> viewer().verify());

        driver.waitUntil(() -> viewer().verdict().getText().startsWith("BROKEN"), 10);
        assertThat(driver.fx(() -> viewer().verdict().getText()))
                .isEqualTo("BROKEN at entry " + victim + " (ALTERED)");
        assertThat(driver.fx(() -> viewer().brokenEntry().getText())).contains("#" + victim)
                .contains("edited behind the trail's back");
        searchFor("alice", "SIGN_IN");
        assertThat(driver.fx(() -> viewer().table().getSelectionModel().getSelectedItem().seq())).isEqualTo(victim);
    }

    @Test
    void theSelectedEntriesAreExportedAsCsv() throws Exception {
        List<AuditLine> shown = searchFor("", "SIGN_IN");
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        Path file = exports.resolve("audit.csv");

        int written = driver.fx(() -> {
            viewer().table().getSelectionModel().clearSelection();
            viewer().table().getSelectionModel().select(0);
            viewer().table().getSelectionModel().select(1);
            return viewer().exportTo(file);
        });

        assertThat(written).isEqualTo(2);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("seq,at_utc,user_id,username,action,subject,details");
        assertThat(lines.get(1)).startsWith(shown.get(0).seq() + ",").contains(",SIGN_IN,");
        assertThat(lines.get(2)).startsWith(shown.get(1).seq() + ",");
    }
}
