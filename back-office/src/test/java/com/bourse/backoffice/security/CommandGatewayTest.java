package com.bourse.backoffice.security;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.store.Page;
import com.bourse.protocol.Command;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandGatewayTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    final List<Command> sent = new ArrayList<>();
    BackOffice office;
    CommandGateway gateway;

    @BeforeEach
    void seeded() {
        office = BackOfficeFixture.seeded(dir, clock);
        gateway = office.commandGateway(sent::add);
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void orderEntryIsAuditedUnderTheSignedInTraderAndPassedOn() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        Command.PlaceOrder order = Command.PlaceOrder.limit(clock.millis(), alice.userId(), 1, 1001, 1, Side.BUY,
                68450, 10);

        gateway.submit(alice, order);

        assertThat(sent).containsExactly(order);
        assertThat(last()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ORDER_ENTERED);
            assertThat(e.userId()).isEqualTo(alice.userId());
            assertThat(e.subject()).isEqualTo("order:1 account:1001");
        });
    }

    @Test
    void onTheDesksOwnVenueAnOrderTravelsWithItsEntryAndNothingIsWrittenBesideTheJournal() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        List<byte[]> entries = new ArrayList<>();
        CommandGateway desk = office.deskCommandGateway((command, entry) -> {
            sent.add(command);
            entries.add(entry);
        });
        long before = office.audit().entries(Page.first(1_000)).size();
        Command.PlaceOrder order = Command.PlaceOrder.limit(clock.millis(), alice.userId(), 1, 1001, 1, Side.BUY,
                68450, 10);

        assertThat(desk.deliverAll(List.of(new CommandGateway.Request(alice, order, null))))
                .containsExactly(new CommandGateway.Outcome.Sent(order));

        assertThat(sent).containsExactly(order);
        assertThat(com.bourse.backoffice.audit.JournaledAudit.decode(1, entries.getFirst()).entry()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ORDER_ENTERED);
            assertThat(e.userId()).isEqualTo(alice.userId());
            assertThat(e.subject()).isEqualTo("order:1 account:1001");
        });
        assertThat(office.audit().entries(Page.first(1_000))).as("the journal is the entry's durable point")
                .hasSize((int) before);
    }

    @Test
    void onTheDesksOwnVenueARefusalIsWrittenToTheTrailAndNothingReachesTheVenue() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        CommandGateway desk = office.deskCommandGateway((command, entry) -> sent.add(command));
        Command.Approve approveAsRita = new Command.Approve(clock.millis(), 4, ReviewSubject.ORDER, 1);

        assertThat(desk.deliverAll(List.of(new CommandGateway.Request(alice, approveAsRita, null))))
                .singleElement().isInstanceOf(CommandGateway.Outcome.NotSent.class);

        assertThat(sent).isEmpty();
        assertThat(last().action()).isEqualTo(AuditAction.COMMAND_REFUSED);
    }

    @Test
    void commandActingAsSomeoneElseNeverReachesTheEngine() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        Command.Approve approveAsRita = new Command.Approve(clock.millis(), 4, ReviewSubject.ORDER, 1);

        assertThatThrownBy(() -> gateway.submit(alice, approveAsRita))
                .isInstanceOf(CommandGateway.CommandRefusedException.class);
        assertThat(sent).isEmpty();
        assertThat(last().action()).isEqualTo(AuditAction.COMMAND_REFUSED);
    }

    @Test
    void aWindowOfferingARefusedCommandHearsNoAndTheRefusalIsAudited() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        Command.PlaceOrder asBob = Command.PlaceOrder.limit(clock.millis(), alice.userId() + 1, 1, 1002, 1, Side.SELL,
                68450, 10);
        Command.PlaceOrder own = Command.PlaceOrder.limit(clock.millis(), alice.userId(), 2, 1001, 1, Side.BUY,
                68450, 10);

        assertThat(gateway.offer(alice, asBob)).isFalse();
        assertThat(last().action()).isEqualTo(AuditAction.COMMAND_REFUSED);
        assertThat(gateway.offer(alice, own)).isTrue();
        assertThat(sent).containsExactly(own);
    }

    @Test
    void expiredSessionCannotSendCommands() {
        Session rita = BackOfficeFixture.signIn(office, "rita", "rita-training-1");
        clock.advance(Duration.ofHours(9));

        assertThatThrownBy(() -> gateway.submit(rita, new Command.EngageKillSwitch(clock.millis(), 4, 1001)))
                .hasMessageContaining("credential expired at");
        assertThat(sent).isEmpty();
    }

    @Test
    void officersRejectionNeedsAReasonAndTheTrailKeepsIt() {
        Session rita = BackOfficeFixture.signIn(office, "rita", "rita-training-1");

        assertThatThrownBy(() -> gateway.submit(rita, new Command.Reject(clock.millis(), 4, ReviewSubject.ORDER, 9,
                " "))).hasMessageContaining("reason");
        gateway.submit(rita, new Command.Reject(clock.millis(), 4, ReviewSubject.ORDER, 9, "exceeds client mandate"));

        assertThat(last()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.REJECTED);
            assertThat(e.details()).contains("exceeds client mandate");
        });
    }

    @Test
    void limitChangesAndKillSwitchAreAudited() {
        Session rita = BackOfficeFixture.signIn(office, "rita", "rita-training-1");

        gateway.submit(rita, new Command.SetRiskLimits(clock.millis(), 4, 1001,
                new com.bourse.protocol.RiskLimits(100, 1_000_000, 1_000, 5, 60_000)));
        gateway.submit(rita, new Command.EngageKillSwitch(clock.millis(), 4, 1001));

        assertThat(office.audit().entries(Page.first(1000))).extracting(AuditRecord::action)
                .endsWith(AuditAction.LIMITS_CHANGED, AuditAction.KILL_SWITCH_ENGAGED);
    }

    private AuditRecord last() {
        return office.audit().entries(Page.first(10_000)).getLast();
    }
}
