package com.bourse.cluster;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The small market the cluster tests trade in: EUR, one instrument, two traders each with an account, a buyer
 * funded with cash and a seller funded with shares, limits high enough that only the book decides. Opened by
 * the system user (the installation's bootstrap session), as an installation's back office would; its users are
 * created through the cluster's live user directory ({@link #users}).
 */
final class Market {
    static final long SYSTEM = Command.SYSTEM_USER;
    static final long BUYER = 11;
    static final long SELLER = 12;
    /** A trader with no account here: sees market data only. */
    static final long WATCHER = 13;
    /** The desk's operations user: administrator, risk officer and back office; sees every account. */
    static final long OPS = 10;
    static final long BUYER_ACCOUNT = 101;
    static final long SELLER_ACCOUNT = 102;
    static final long SELLER_SHARES = 50_000;
    static final Instrument ACME = new Instrument(1, "ACME", "EUR", 2, 5, 1, 10_000, 500);
    static final long START = 1_767_225_600_000L;

    private Market() {
    }

    static List<Command> opening() {
        long t = START;
        List<Command> commands = new ArrayList<>();
        commands.add(new Command.AddCurrency(t, SYSTEM, new Currency("EUR", 2)));
        commands.add(new Command.ListInstrument(t, SYSTEM, ACME));
        commands.add(new Command.OpenAccount(t, SYSTEM, BUYER_ACCOUNT, BUYER, "EUR", SelfTradePrevention.CANCEL_OLDEST));
        commands.add(new Command.OpenAccount(t, SYSTEM, SELLER_ACCOUNT, SELLER, "EUR",
                SelfTradePrevention.CANCEL_OLDEST));
        RiskLimits open = new RiskLimits(1_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000, 1_000);
        commands.add(new Command.SetRiskLimits(t, SYSTEM, BUYER_ACCOUNT, open));
        commands.add(new Command.SetRiskLimits(t, SYSTEM, SELLER_ACCOUNT, open));
        long transferId = 900_000;
        for (int i = 0; i < 4; i++) {
            t += 1_001;
            commands.add(new Command.RequestTransfer(t, SYSTEM, transferId, TransferKind.DEPOSIT, 0, BUYER_ACCOUNT,
                    "EUR", 5_000_000));
            commands.add(new Command.SettleTransfer(t, SYSTEM, transferId++, true));
        }
        t += 1_001;
        commands.add(new Command.RequestTransfer(t, SYSTEM, transferId, TransferKind.DEPOSIT, 0, SELLER_ACCOUNT,
                "ACME", SELLER_SHARES));
        commands.add(new Command.SettleTransfer(t, SYSTEM, transferId, true));
        return commands;
    }

    /** The market's live users, created through the cluster's user directory (not by engine commands). */
    static List<long[]> users() {
        int staff = Role.mask(Role.ADMIN, Role.RISK_OFFICER, Role.BACK_OFFICE);
        int trader = Role.mask(Role.TRADER);
        return List.of(new long[] {OPS, staff}, new long[] {BUYER, trader}, new long[] {SELLER, trader},
                new long[] {WATCHER, trader});
    }

    static String username(long userId) {
        return "user" + userId;
    }

    static char[] password(long userId) {
        return ("password of user " + userId).toCharArray();
    }

    /** What the users' creation is in the embedded engine: a RegisterUser each, by the installation. */
    static List<Command> registrations() {
        List<Command> commands = new ArrayList<>();
        for (long[] user : users()) {
            commands.add(new Command.RegisterUser(START, SYSTEM, user[0], (int) user[1]));
        }
        return commands;
    }

    static Command.PlaceOrder buy(long orderId, long price, long quantity) {
        return Command.PlaceOrder.limit(START + 100_000 + orderId, BUYER, orderId, BUYER_ACCOUNT, ACME.id(), Side.BUY,
                price, quantity);
    }

    static Command.PlaceOrder sell(long orderId, long price, long quantity) {
        return Command.PlaceOrder.limit(START + 100_000 + orderId, SELLER, orderId, SELLER_ACCOUNT, ACME.id(),
                Side.SELL, price, quantity);
    }
}
