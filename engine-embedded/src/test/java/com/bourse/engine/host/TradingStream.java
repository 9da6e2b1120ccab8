package com.bourse.engine.host;

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
import java.util.Random;

/** A reproducible command stream: a funded two-trader market, then seeded crossing orders and cancels. */
final class TradingStream {
    static final long BUYER = 11;
    static final long SELLER = 12;
    static final long START = 1_767_225_600_000L;

    private TradingStream() {
    }

    static List<Command> of(long seed, int orders) {
        long t = START;
        List<Command> commands = new ArrayList<>();
        long system = Command.SYSTEM_USER;
        commands.add(new Command.AddCurrency(t, system, new Currency("EUR", 2)));
        commands.add(new Command.RegisterUser(t, system, BUYER, Role.mask(Role.TRADER)));
        commands.add(new Command.RegisterUser(t, system, SELLER, Role.mask(Role.TRADER)));
        commands.add(new Command.ListInstrument(t, system, new Instrument(1, "ACME", "EUR", 2, 5, 1, 10_000, 500)));
        commands.add(new Command.OpenAccount(t, system, 101, BUYER, "EUR", SelfTradePrevention.CANCEL_OLDEST));
        commands.add(new Command.OpenAccount(t, system, 102, SELLER, "EUR", SelfTradePrevention.CANCEL_OLDEST));
        RiskLimits open = new RiskLimits(1_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000, 1_000);
        commands.add(new Command.SetRiskLimits(t, system, 101, open));
        commands.add(new Command.SetRiskLimits(t, system, 102, open));
        for (int i = 0; i < 4; i++) {
            t += 1_001;
            commands.add(new Command.RequestTransfer(t, system, 900_000 + i, TransferKind.DEPOSIT, 0, 101, "EUR",
                    5_000_000));
            commands.add(new Command.SettleTransfer(t, system, 900_000 + i, true));
        }
        t += 1_001;
        commands.add(new Command.RequestTransfer(t, system, 900_010, TransferKind.DEPOSIT, 0, 102, "ACME", 1_000_000));
        commands.add(new Command.SettleTransfer(t, system, 900_010, true));

        Random random = new Random(seed);
        long nextBuy = 1_000;
        long nextSell = 5_000_000;
        for (int i = 0; i < orders; i++) {
            t += 1 + random.nextInt(20);
            if (random.nextInt(8) == 0 && nextBuy > 1_000) {
                commands.add(new Command.CancelOrder(t, BUYER, nextBuy));
                continue;
            }
            boolean buy = random.nextBoolean();
            long price = 10_000 + 5L * (random.nextInt(21) - 10);
            commands.add(Command.PlaceOrder.limit(t, buy ? BUYER : SELLER, buy ? ++nextBuy : ++nextSell,
                    buy ? 101 : 102, 1, buy ? Side.BUY : Side.SELL, price, 1 + random.nextInt(9)));
        }
        return commands;
    }
}
