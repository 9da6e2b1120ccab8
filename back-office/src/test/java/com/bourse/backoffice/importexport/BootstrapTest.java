package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.Page;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);

    @Test
    void firstRunLoadsTheSampleUsersWithTheirTrainingPasswords() {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            assertThat(office.users().all()).extracting(UserView::username)
                    .contains("admin", "alice", "bob", "rita", "victor", "market");
            assertThat(office.users().findByUsername("victor")).get().extracting(UserView::roles)
                    .isEqualTo(java.util.Set.of(Role.RISK_OFFICER, Role.ADMIN));
            for (List<String> line : List.of(List.of("admin", "admin-training-1"), List.of("alice", "alice-training-1"),
                    List.of("rita", "rita-training-1"))) {
                assertThat(BackOfficeFixture.signIn(office, line.get(0), line.get(1)).username()).isEqualTo(line.get(0));
            }
        }
    }

    @Test
    void firstRunFundsEveryAccountAsBalancesCsvSays() throws Exception {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            var engine = office.desk().engine();
            List<String> lines = Files.readAllLines(BackOfficeFixture.SAMPLE_DATA.resolve("balances.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                assertThat(engine.balance(Long.parseLong(f[0]), f[1])).as(line).isEqualTo(Long.parseLong(f[2]));
            }
            office.desk().projections().awaitCommitted(office.desk().journal().committedSeq(), Duration.ofSeconds(30));
            assertThat(office.ledger().balances(1001)).filteredOn(b -> b.asset().equals("EUR")).singleElement()
                    .satisfies(b -> assertThat(b.balance()).isEqualTo(25_000_000));
        }
    }

    @Test
    void accountsKeepTheirHoldersAndIbansReadableThroughTheRepository() throws Exception {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            assertThat(office.referenceData().account(1002)).get().satisfies(a -> {
                assertThat(a.name()).isEqualTo("Bob Keller - Equities");
                assertThat(a.iban()).isEqualTo("FR1420041010050500013M02606");
                assertThat(a.ownerUserId()).isEqualTo(3);
            });
            List<String> lines = Files.readAllLines(BackOfficeFixture.SAMPLE_DATA.resolve("accounts.csv"));
            assertThat(office.referenceData().accounts()).extracting(AccountLine::accountId)
                    .containsExactlyElementsOf(lines.subList(1, lines.size()).stream()
                            .map(l -> Long.parseLong(l.split(",")[0])).toList());
        }
    }

    @Test
    void theFirstRunSeedsTheEngineWithTheSampleWorldsOneSeed() {
        try (BackOffice office = BackOffice.open(BackOfficeFixture.options(dir, clock))) {
            Bootstrap.Seed seed = office.seedIfFirstRun(BackOfficeFixture.SAMPLE_DATA);

            assertThat(seed.firstRun()).isTrue();
            assertThat(seed.engineCommands())
                    .isEqualTo(SampleWorld.read(BackOfficeFixture.SAMPLE_DATA).seed(clock.millis()));
            assertThat(seed.engineCommands()).filteredOn(c -> c instanceof Command.SetRiskLimits)
                    .extracting(c -> ((Command.SetRiskLimits) c).accountId())
                    .containsExactly(SampleWorld.MARKET_MAKER_ACCOUNT, SampleWorld.ORDER_FLOW_ACCOUNT);
        }
    }

    @Test
    void aMalformedSampleFileStopsTheFirstRunBeforeAnythingIsStored() throws Exception {
        Path sample = dir.resolve("sample-data");
        Files.createDirectories(sample);
        try (var files = Files.list(BackOfficeFixture.SAMPLE_DATA)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, sample.resolve(file.getFileName()));
            }
        }
        Files.writeString(sample.resolve("accounts.csv"), Files.readString(sample.resolve("accounts.csv"))
                + "1004,bob,Bob Keller - Bonds,EUR,CANCEL_SIDEWAYS,\n");
        try (BackOffice office = BackOffice.open(BackOfficeFixture.options(dir.resolve("office"), clock))) {
            assertThatThrownBy(() -> office.seedIfFirstRun(sample))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageStartingWith("sample-data/accounts.csv line 7, field 'self_trade_prevention': "
                            + "'CANCEL_SIDEWAYS' is not one of");
            assertThat(office.users().isEmpty()).isTrue();
            assertThat(office.referenceData().accounts()).isEmpty();
        }
    }

    @Test
    void laterRunsSeedNothingAndTheEngineComesBackFromItsJournal() {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            assertThat(office.desk().engine().balance(1001, "ASML")).isEqualTo(200);
        }
        try (BackOffice reopened = BackOffice.open(BackOfficeFixture.options(dir, clock))) {
            assertThat(reopened.seedIfFirstRun(BackOfficeFixture.SAMPLE_DATA).firstRun()).isFalse();
            assertThat(reopened.desk().engine().balance(1001, "ASML")).isEqualTo(200);
            assertThat(reopened.audit().entries(Page.first(1000))).extracting(AuditRecord::action)
                    .containsOnlyOnce(AuditAction.INSTALLATION_BOOTSTRAPPED);
        }
    }
}
