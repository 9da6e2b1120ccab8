package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of desk activity for tests and the benchmark: resting and crossing orders, cancels, amends,
 * market orders, large orders that go to a risk officer and their decisions, transfers of every kind with
 * settlement, kill switches and end-of-day closes. It reacts to the engine's events (which orders are live,
 * which are held) so most commands do something. Same seed, same commands.
 */
public final class TradingWorkload {
    static final long ADMIN = 1;
    /** Settles deposits and withdrawals: the back office's role. */
    static final long BACK_OFFICE = 8;
    static final long OFFICER_A = 90;
    static final long OFFICER_B = 91;
    static final long START = 1_793_606_400_000L; // 2026-11-02T08:00:00Z
    /** Of a stopped account's turns, one in this many still sends (and is refused). */
    private static final int KILLED_ATTEMPTS = 20;
    static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument(1, "ASML", "EUR", 2, 10, 1, 68450, 1000),
            new Instrument(2, "SAP", "EUR", 2, 5, 1, 23420, 1000),
            new Instrument(3, "AIR", "EUR", 2, 2, 1, 16236, 1000),
            new Instrument(4, "MC", "EUR", 2, 10, 1, 61270, 1000));

    private final SplittableRandom random;
    private final int accounts;
    private final long millisPerCommand;
    private final int commandsPerDay;
    private final long[] nextOrderId;
    private final List<List<Long>> liveByAccount = new ArrayList<>();
    private final List<Long> heldOrders = new ArrayList<>();
    private final List<Long> heldTransfers = new ArrayList<>();
    private final List<Long> processingTransfers = new ArrayList<>();
    /** Accounts whose kill switch is engaged: their traders see it on the desk and mostly stop sending. */
    private final boolean[] killed;
    private int killedCount;
    private long now = START;
    private long transferId = 1_000;
    private long step;
    private int day;
    private Command last;

    public TradingWorkload(long seed, int accounts, long millisPerCommand, int commandsPerDay) {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
        this.millisPerCommand = millisPerCommand;
        this.commandsPerDay = commandsPerDay;
        this.nextOrderId = new long[accounts];
        this.killed = new boolean[accounts];
        for (int i = 0; i < accounts; i++) {
            nextOrderId[i] = (i + 1) * 1_000_000_000L;
            liveByAccount.add(new ArrayList<>());
        }
    }

    static long accountId(int index) {
        return 1001 + index;
    }

    static long traderId(int index) {
        return 10 + index;
    }

    /** Reference data, users, accounts, funding and trading limits: what a fresh engine needs first. */
    public List<Command> setup() {
        List<Command> commands = new ArrayList<>();
        long t = START - 60_000;
        long system = Command.SYSTEM_USER;
        commands.add(new Command.AddCurrency(t, system, new Currency("EUR", 2)));
        commands.add(new Command.RegisterUser(t, system, ADMIN, Role.mask(Role.ADMIN)));
        commands.add(new Command.RegisterUser(t, system, BACK_OFFICE, Role.mask(Role.BACK_OFFICE)));
        commands.add(new Command.RegisterUser(t, system, OFFICER_A, Role.mask(Role.RISK_OFFICER)));
        commands.add(new Command.RegisterUser(t, system, OFFICER_B, Role.mask(Role.RISK_OFFICER, Role.ADMIN)));
        for (Instrument instrument : INSTRUMENTS) {
            commands.add(new Command.ListInstrument(t, system, instrument));
        }
        for (int i = 0; i < accounts; i++) {
            commands.add(new Command.RegisterUser(t, system, traderId(i), Role.mask(Role.TRADER)));
            commands.add(new Command.OpenAccount(t, system, accountId(i), traderId(i), "EUR",
                    SelfTradePrevention.values()[i % 3]));
            commands.add(new Command.SetRiskLimits(t, system, accountId(i),
                    new RiskLimits(1_000_000, 1_000_000_000_000L, 1_000_000_000L, 1_000_000, 1_000)));
            fund(commands, t, accountId(i), "EUR", 50_000_000_000L);
            for (Instrument instrument : INSTRUMENTS) {
                fund(commands, t, accountId(i), instrument.symbol(), 10_000_000);
            }
        }
        last = commands.getLast();
        return commands;
    }

    private void fund(List<Command> commands, long t, long account, String asset, long amount) {
        long id = ++transferId;
        commands.add(new Command.RequestTransfer(t, Command.SYSTEM_USER, id, TransferKind.DEPOSIT, 0, account, asset,
                amount));
        commands.add(new Command.SettleTransfer(t, Command.SYSTEM_USER, id, true));
    }

    /** Learn from the events of the last command, so the next one can act on live or held orders. */
    public void observe(List<Event> events) {
        for (Event event : events) {
            switch (event) {
                case Event.OrderAccepted e -> liveByAccount.get(index(e.accountId())).add(e.orderId());
                case Event.OrderHeld e -> heldOrders.add(e.orderId());
                case Event.OrderApproved e -> heldOrders.remove(e.orderId());
                case Event.KillSwitchChanged e -> {
                    int i = index(e.accountId());
                    if (i >= 0 && i < accounts && killed[i] != e.engaged()) {
                        killed[i] = e.engaged();
                        killedCount += e.engaged() ? 1 : -1;
                    }
                }
                case Event.Trade e -> {
                    if (e.makerLeaves() == 0) {
                        gone(e.makerAccountId(), e.makerOrderId());
                    }
                    if (e.takerLeaves() == 0) {
                        gone(e.takerAccountId(), e.takerOrderId());
                    }
                }
                case Event.OrderCancelled e -> gone(e.accountId(), e.orderId());
                case Event.OrderExpired e -> gone(e.accountId(), e.orderId());
                case Event.OrderRejected e -> {
                    if (e.accountId() > 0 && index(e.accountId()) >= 0 && index(e.accountId()) < accounts) {
                        gone(e.accountId(), e.orderId());
                    }
                }
                case Event.TransferStateChanged e -> {
                    heldTransfers.remove(e.transferId());
                    processingTransfers.remove(e.transferId());
                    if (e.state() == com.bourse.protocol.TransferState.PENDING && e.reason() != null) {
                        heldTransfers.add(e.transferId());
                    } else if (e.state() == com.bourse.protocol.TransferState.PROCESSING
                            && e.kind() != TransferKind.INTERNAL) {
                        processingTransfers.add(e.transferId());
                    }
                }
                default -> {
                }
            }
        }
    }

    private void gone(long accountId, long orderId) {
        liveByAccount.get(index(accountId)).remove(orderId);
        heldOrders.remove(orderId);
    }

    private static int index(long accountId) {
        return (int) (accountId - 1001);
    }

    /** The next command of the stream. */
    public Command next() {
        step++;
        now += millisPerCommand;
        if (commandsPerDay > 0 && step % commandsPerDay == 0) {
            day++;
            Command close = new Command.EndOfDay(now, ADMIN);
            now = START + day * 86_400_000L;
            return last = close;
        }
        int a = random.nextInt(accounts);
        // A trader whose account is stopped sees it on the desk: one in KILLED_ATTEMPTS of its turns still tries
        // (the compliance log's case); the others go to a trader who can trade.
        if (killed[a] && killedCount < accounts && random.nextInt(KILLED_ATTEMPTS) != 0) {
            do {
                a = random.nextInt(accounts);
            } while (killed[a]);
        }
        long account = accountId(a);
        long trader = traderId(a);
        int roll = random.nextInt(1000);
        List<Long> live = liveByAccount.get(a);
        if (roll < 150 && !live.isEmpty()) {
            return last = new Command.CancelOrder(now, trader, live.get(random.nextInt(live.size())));
        }
        if (roll < 230 && !live.isEmpty()) {
            long orderId = live.get(random.nextInt(live.size()));
            Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
            return last = new Command.ReplaceOrder(now, trader, orderId, price(instrument), 1 + random.nextInt(50));
        }
        if (roll < 240 && !heldOrders.isEmpty()) {
            long orderId = heldOrders.get(random.nextInt(heldOrders.size()));
            long officer = random.nextBoolean() ? OFFICER_A : OFFICER_B;
            return last = random.nextInt(3) == 0
                    ? new Command.Reject(now, officer, ReviewSubject.ORDER, orderId, "too large for this account")
                    : new Command.Approve(now, officer, ReviewSubject.ORDER, orderId);
        }
        if (roll < 245 && !heldTransfers.isEmpty()) {
            long id = heldTransfers.get(random.nextInt(heldTransfers.size()));
            return last = random.nextBoolean() ? new Command.Approve(now, OFFICER_A, ReviewSubject.TRANSFER, id)
                    : new Command.Reject(now, OFFICER_B, ReviewSubject.TRANSFER, id, "source of funds unclear");
        }
        if (roll < 255 && !processingTransfers.isEmpty()) {
            long id = processingTransfers.get(random.nextInt(processingTransfers.size()));
            return last = new Command.SettleTransfer(now, BACK_OFFICE, id, random.nextInt(5) != 0);
        }
        if (roll < 270) {
            return last = transfer(account, trader);
        }
        if (roll < 272) {
            // Officers stop an account now and then and release a stopped one soon after: an account or two is
            // stopped at a time, not half the desk (engaging and releasing at random left half of it stopped).
            if (killedCount > 0 && random.nextInt(10) != 0) {
                int stopped = random.nextInt(accounts);
                while (!killed[stopped]) {
                    stopped = (stopped + 1) % accounts;
                }
                return last = new Command.ReleaseKillSwitch(now, OFFICER_B, accountId(stopped));
            }
            return last = new Command.EngageKillSwitch(now, OFFICER_A, account);
        }
        Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long orderId = ++nextOrderId[a];
        if (roll < 340) {
            return last = Command.PlaceOrder.market(now, trader, orderId, account, instrument.id(), side,
                    1 + random.nextInt(30));
        }
        long quantity = roll < 350 ? 300 + random.nextInt(200) : 1 + random.nextInt(60);
        Command.PlaceOrder order = Command.PlaceOrder.limit(now, trader, orderId, account, instrument.id(), side,
                price(instrument), quantity);
        if (roll > 960) {
            order = order.withTimeInForce(random.nextBoolean() ? TimeInForce.IOC : TimeInForce.DAY);
        }
        return last = order;
    }

    private Command transfer(long account, long trader) {
        long id = ++transferId;
        int kind = random.nextInt(3);
        long amount = random.nextInt(20) == 0 ? 15_000_000_000L : 1 + random.nextInt(5_000_000);
        if (kind == 0) {
            return new Command.RequestTransfer(now, trader, id, TransferKind.DEPOSIT, 0, account, "EUR", amount);
        }
        if (kind == 1) {
            return new Command.RequestTransfer(now, trader, id, TransferKind.WITHDRAWAL, account, 0, "EUR", amount);
        }
        long other = accountId(random.nextInt(accounts));
        return new Command.RequestTransfer(now, trader, id, TransferKind.INTERNAL, account, other, "EUR", amount);
    }

    private long price(Instrument instrument) {
        long ticks = random.nextInt(21) - 10;
        return instrument.referencePrice() + ticks * instrument.tickSize();
    }

    public Command last() {
        return last;
    }
}
