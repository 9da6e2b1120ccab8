package com.bourse.app.training;

import com.bourse.engine.Engine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.TransferKind;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.session.MarketSession;
import com.bourse.simulator.session.NewsJump;
import com.bourse.ui.port.TrainingControl.TrainerAction;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a trainer's action into the commands that make it happen: halts and reopenings by the exchange's operator,
 * limits set by the risk desk, and large orders by a participant of the trainer's own ({@link #USER}), seated with
 * cash and stock the first time it is needed. All of them are injected into the session, so they are in its record
 * and a replay repeats them. Engine thread only.
 */
final class TrainerSeat {
    /** The trainer's participant: user and account, clear of the scenario's (trainee 10, participant 20, agents 1000+). */
    static final long USER = 30;
    private static final long CASH_UNITS = 100_000_000;
    private static final long STOCK_UNITS = 1_000_000;
    private static final RiskLimits LIMITS = new RiskLimits(10_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4,
            1_000_000, 60_000);
    /** Transfer ids far above the scenario's own deposits. */
    private static final long TRANSFER_BASE = 1L << 40;

    private long transfers;
    private long orders;

    /** A trainer's news as the session injects it: the percent typed as a fraction of the value. */
    static NewsJump newsJump(TrainerAction.News news) {
        double change = news.percent().movePointLeft(2).doubleValue();
        return new NewsJump(news.symbol(), change, news.permanent(), news.permanent() ? 0 : news.recoveryMinutes());
    }

    /** The commands of a halt, reopening, limit change or large order; news is no command ({@link #newsJump}). */
    List<Command> commands(TrainerAction action, Scenario scenario, Engine engine, long now) {
        long operator = MarketSession.OPERATOR_USER;
        List<Command> commands = new ArrayList<>();
        switch (action) {
            case TrainerAction.Halt h -> commands.add(new Command.HaltInstrument(now, operator,
                    scenario.instrument(h.symbol()).id()));
            case TrainerAction.Resume r -> commands.add(new Command.ResumeInstrument(now, operator,
                    scenario.instrument(r.symbol()).id()));
            case TrainerAction.LimitChange l -> {
                if (l.maxOrderQuantity() <= 0) {
                    throw new IllegalArgumentException("the largest order must be a positive quantity, got "
                            + l.maxOrderQuantity());
                }
                RiskLimits now0 = scenario.trainee().limits();
                commands.add(new Command.SetRiskLimits(now, operator, scenario.trainee().accountId(),
                        new RiskLimits(l.maxOrderQuantity(), now0.maxOrderNotional(), now0.maxPosition(),
                                now0.maxOrdersPerWindow(), now0.throttleWindowMillis())));
            }
            case TrainerAction.LargeOrder o -> {
                if (o.quantity() <= 0) {
                    throw new IllegalArgumentException("a large order needs a positive quantity, got " + o.quantity());
                }
                Instrument instrument = scenario.instrument(o.symbol());
                if (!engine.accountIds().contains(USER)) {
                    seat(commands, scenario, now);
                }
                orders = Math.max(orders, Math.max(engine.lastOrderId(USER), USER << 32)) + 1;
                commands.add(Command.PlaceOrder.market(now, USER, orders, USER, instrument.id(), o.side(),
                        o.quantity()));
            }
            case TrainerAction.News n -> throw new IllegalArgumentException("news is injected as news, not a command");
        }
        return commands;
    }

    private void seat(List<Command> commands, Scenario scenario, long t) {
        long system = Command.SYSTEM_USER;
        commands.add(new Command.RegisterUser(t, system, USER, Role.TRADER.bit()));
        commands.add(new Command.OpenAccount(t, system, USER, USER, scenario.currencies().getFirst().code(),
                SelfTradePrevention.CANCEL_NEWEST));
        commands.add(new Command.SetRiskLimits(t, system, USER, LIMITS));
        for (Currency currency : scenario.currencies()) {
            deposit(commands, t, currency.code(), FixedPoint.fromWhole(CASH_UNITS, currency.minorDigits()));
        }
        for (Instrument instrument : scenario.instruments()) {
            deposit(commands, t, instrument.symbol(), STOCK_UNITS);
        }
    }

    private void deposit(List<Command> commands, long t, String asset, long amount) {
        long id = TRANSFER_BASE + ++transfers;
        commands.add(new Command.RequestTransfer(t, Command.SYSTEM_USER, id, TransferKind.DEPOSIT, 0, USER, asset,
                amount));
        commands.add(new Command.SettleTransfer(t, Command.SYSTEM_USER, id, true));
    }
}
