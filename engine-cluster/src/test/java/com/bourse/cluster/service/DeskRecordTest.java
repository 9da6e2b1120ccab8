package com.bourse.cluster.service;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.protocol.wire.SessionMessage.DayStep;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's record of held items and of the trading day: what it keeps, what End of day does, its snapshot. */
class DeskRecordTest {
    private static final long SYSTEM = Command.SYSTEM_USER;
    private static final long TRADER = 20;
    private static final long OTHER = 21;
    private static final long OFFICER = 22;
    private static final long ACCOUNT = 200;
    private static final long OTHER_ACCOUNT = 201;
    private static final Instrument ACME = new Instrument(1, "ACME", "EUR", 2, 5, 1, 10_000, 500);
    private static final long T = 1_767_225_600_000L;

    private final Engine engine = new Engine(EngineConfig.defaults());
    private final DeskRecord record = new DeskRecord();

    private void apply(Command command) {
        record.beginCommand(command.timestamp());
        engine.apply(command, record);
        if (command instanceof Command.EndOfDay && !record.refused()) {
            record.endOfDay();
        }
    }

    private void openMarket() {
        apply(new Command.AddCurrency(T, SYSTEM, new Currency("EUR", 2)));
        apply(new Command.ListInstrument(T, SYSTEM, ACME));
        apply(new Command.RegisterUser(T, SYSTEM, TRADER, Role.mask(Role.TRADER)));
        apply(new Command.RegisterUser(T, SYSTEM, OTHER, Role.mask(Role.TRADER)));
        apply(new Command.RegisterUser(T, SYSTEM, OFFICER, Role.mask(Role.RISK_OFFICER, Role.BACK_OFFICE)));
        apply(new Command.OpenAccount(T, SYSTEM, ACCOUNT, TRADER, "EUR", SelfTradePrevention.CANCEL_OLDEST));
        apply(new Command.OpenAccount(T, SYSTEM, OTHER_ACCOUNT, OTHER, "EUR", SelfTradePrevention.CANCEL_OLDEST));
        RiskLimits open = new RiskLimits(1_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000, 1_000);
        apply(new Command.SetRiskLimits(T, SYSTEM, ACCOUNT, open));
        apply(new Command.SetRiskLimits(T, SYSTEM, OTHER_ACCOUNT, open));
        apply(new Command.RequestTransfer(T + 1, SYSTEM, 1, TransferKind.DEPOSIT, 0, ACCOUNT, "EUR", 50_000_000));
        apply(new Command.SettleTransfer(T + 1, SYSTEM, 1, true));
        apply(new Command.RequestTransfer(T + 2, SYSTEM, 2, TransferKind.DEPOSIT, 0, OTHER_ACCOUNT, "ACME", 1_000));
        apply(new Command.SettleTransfer(T + 2, SYSTEM, 2, true));
    }

    @Test
    void theDaysFillsComeAfterTheSharesThatEnteredAndAnEndOfDayCarriesThePositionAtTheLastPrice() {
        openMarket();
        apply(Command.PlaceOrder.limit(T + 10, OTHER, 1, OTHER_ACCOUNT, ACME.id(), Side.SELL, 10_100, 30));
        apply(Command.PlaceOrder.limit(T + 11, TRADER, 1, ACCOUNT, ACME.id(), Side.BUY, 10_100, 30));

        assertThat(record.steps(OTHER_ACCOUNT)).containsExactly(
                new DayStep(OTHER_ACCOUNT, ACME.id(), T + 2, 0, 0, null, 10_000, 1_000, false, 0),
                new DayStep(OTHER_ACCOUNT, ACME.id(), T + 11, 1, 1, Side.SELL, 10_100, 30, true, 0));
        assertThat(record.steps(ACCOUNT)).containsExactly(
                new DayStep(ACCOUNT, ACME.id(), T + 11, 1, 1, Side.BUY, 10_100, 30, false, 0));

        apply(new Command.EndOfDay(T + 100, TRADER)); // not allowed: changes nothing
        assertThat(record.steps(ACCOUNT)).hasSize(1);
        apply(new Command.EndOfDay(T + 200, OFFICER));

        assertThat(record.steps(ACCOUNT)).containsExactly(
                new DayStep(ACCOUNT, ACME.id(), T + 200, 0, 0, null, 10_100, 30, false, 0));
        assertThat(record.steps(OTHER_ACCOUNT)).containsExactly(
                new DayStep(OTHER_ACCOUNT, ACME.id(), T + 200, 0, 0, null, 10_100, 970, false, 0));
    }

    @Test
    void aHeldOrderKeepsItsScorePartsUntilDecidedAndTheRecordSurvivesASnapshotByteForByte() throws IOException {
        openMarket();
        apply(Command.PlaceOrder.limit(T + 10, OTHER, 1, OTHER_ACCOUNT, ACME.id(), Side.SELL, 10_100, 30));
        apply(Command.PlaceOrder.limit(T + 11, TRADER, 1, ACCOUNT, ACME.id(), Side.BUY, 10_100, 30));
        apply(Command.PlaceOrder.limit(T + 12, TRADER, 2, ACCOUNT, ACME.id(), Side.BUY, 10_000, 1_100)); // held
        apply(Command.PlaceOrder.limit(T + 13, TRADER, 3, ACCOUNT, ACME.id(), Side.BUY, 10_000, 1_200)); // held

        List<SessionMessage.HeldOrder> held = record.heldOrders(engine, viewer(true));
        assertThat(held).extracting(SessionMessage.HeldOrder::orderId).containsExactly(2L, 3L);
        assertThat(held.getFirst().review().reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
        assertThat(held.getFirst().review().heldAt()).isEqualTo(T + 12);
        assertThat(held.getFirst().review().amountBps()).isPositive();
        assertThat(record.heldOrders(engine, viewer(false))).as("someone else's account").isEmpty();

        apply(new Command.Reject(T + 20, OFFICER, com.bourse.protocol.ReviewSubject.ORDER, 3, "too large"));
        assertThat(record.heldOrders(engine, viewer(true))).extracting(SessionMessage.HeldOrder::orderId)
                .containsExactly(2L);

        byte[] bytes = write(record);
        DeskRecord restored = new DeskRecord();
        restored.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        Engine restoredEngine = Engine.restore(EngineConfig.defaults(), engine.snapshot());
        restored.rebuild(restoredEngine, true);

        assertThat(write(restored)).isEqualTo(bytes);
        assertThat(restored.heldOrders(restoredEngine, viewer(true))).isEqualTo(record.heldOrders(engine, viewer(true)));
        assertThat(restored.steps(ACCOUNT)).isEqualTo(record.steps(ACCOUNT));
        assertThat(restored.steps(OTHER_ACCOUNT)).isEqualTo(record.steps(OTHER_ACCOUNT));
    }

    private byte[] write(DeskRecord desk) throws IOException {
        desk.prune(engine);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            desk.write(out);
        }
        return bytes.toByteArray();
    }

    private static DeskRecord.Viewer viewer(boolean everyAccount) {
        return new DeskRecord.Viewer() {
            @Override
            public boolean reviewsEveryAccount() {
                return everyAccount;
            }

            @Override
            public boolean owns(long accountId) {
                return false;
            }
        };
    }
}
