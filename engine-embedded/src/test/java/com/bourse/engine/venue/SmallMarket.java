package com.bourse.engine.venue;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A market built in code for the venue specs: one currency, one instrument (ASML, 684.50 EUR, tick 0.10), two
 * funded traders with an account each. {@link #opening} builds it in an empty engine; {@link #crossingOrders} is a
 * little trading on it.
 */
final class SmallMarket {
    static final long OPEN = 1_795_683_600_000L; // 2026-11-25 09:00 CET
    static final Instrument ASML = new Instrument(1, "ASML", "EUR", 2, 10, 1, 68_450, 1_000);
    static final long ALICE = 2;
    static final long BOB = 3;
    static final long ALICE_ACCOUNT = 1001;
    static final long BOB_ACCOUNT = 1002;

    private SmallMarket() {
    }

    static List<Command> opening() {
        long system = Command.SYSTEM_USER;
        return List.of(
                new Command.AddCurrency(OPEN, system, new Currency("EUR", 2)),
                new Command.RegisterUser(OPEN, system, ALICE, Role.TRADER.bit()),
                new Command.RegisterUser(OPEN, system, BOB, Role.TRADER.bit()),
                new Command.ListInstrument(OPEN, system, ASML),
                new Command.OpenAccount(OPEN, system, ALICE_ACCOUNT, ALICE, "EUR", SelfTradePrevention.CANCEL_OLDEST),
                new Command.OpenAccount(OPEN, system, BOB_ACCOUNT, BOB, "EUR", SelfTradePrevention.CANCEL_OLDEST),
                new Command.RequestTransfer(OPEN, system, 1, TransferKind.DEPOSIT, 0, ALICE_ACCOUNT, "EUR", 25_000_000),
                new Command.SettleTransfer(OPEN, system, 1, true),
                new Command.RequestTransfer(OPEN, system, 2, TransferKind.DEPOSIT, 0, BOB_ACCOUNT, "ASML", 500),
                new Command.SettleTransfer(OPEN, system, 2, true));
    }

    /** Bob offers a few lots a tick apart and Alice lifts some of them, minute after minute. */
    static List<Command> crossingOrders(int minutes) {
        List<Command> orders = new ArrayList<>();
        long id = 0;
        for (int minute = 0; minute < minutes; minute++) {
            long t = OPEN + 60_000L * (minute + 1);
            long price = ASML.referencePrice() + 10L * minute;
            orders.add(Command.PlaceOrder.limit(t, BOB, ++id, BOB_ACCOUNT, ASML.id(), Side.SELL, price, 5));
            orders.add(Command.PlaceOrder.limit(t, BOB, ++id, BOB_ACCOUNT, ASML.id(), Side.SELL, price + 10, 5));
            orders.add(Command.PlaceOrder.limit(t + 1, ALICE, ++id, ALICE_ACCOUNT, ASML.id(), Side.BUY, price, 3));
        }
        return orders;
    }
}
