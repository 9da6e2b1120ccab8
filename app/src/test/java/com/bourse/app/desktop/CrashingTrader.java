package com.bourse.app.desktop;

import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.EventInbox;
import com.bourse.ui.model.FillRow;
import com.bourse.ui.model.PositionRow;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link RestartKeepsTheTradersDeskTest}: the desktop's simulation (market replaying a minute every
 * 20 ms) with alice's trader session feeding a {@link DeskState}, as her window does. Once the simulated day is past
 * minute 250 (and before 400) she trades at market, buying and selling two instruments, and when every one of her orders has ended
 * it prints her positions blotter ({@code POSITION account symbol quantity average realised}) and fills blotter
 * ({@code FILL tradeId}) as her window shows them. Then she leaves an order with a history (a bid far below the
 * market, amended) and sends an OCO exit whose stop the engine refuses (off its tick; the accepted target is then
 * cancelled), and prints each step of the bid and of the refused stop as her window heard them
 * ({@code HISTORY account order event<TAB>detail}) and the refused row ({@code REFUSED order reason}); she also rests
 * a buy bracket between the bid and the market and prints its entry's link ({@code BRACKET order text}, UTF-8) and
 * the ASML ladder's marks ({@code MARK mark}); then
 * {@code READY}, and keeps the market running until killed. Argument: the data folder.
 */
public final class CrashingTrader {
    static final long ALICE = 2;
    static final long ALICE_EQUITIES = 1001;
    static final long ASML = 1;
    static final long AIR = 3;
    static final int START_AFTER_MINUTE = 250;

    private CrashingTrader() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("bourse.data", args[0]);
        System.setProperty("bourse.home", args[0] + "-home");
        System.setProperty("bourse.sim.barMillis", "20");
        System.setProperty("bourse.sim.warmUpBars", "5");
        SimulationHost host = new SimulationHost(DesktopConfig.fromSystemProperties());
        Session session = switch (host.office().signIn().signIn("alice", "alice-training-1".toCharArray())) {
            case SignInResult.SignedIn signedIn -> signedIn.session();
            case SignInResult.Refused refused -> throw new IllegalStateException(refused.message());
        };
        SimulationSession trading = new SimulationSession(host, new TraderIdentity(ALICE, "alice", "Alice", 0),
                session, host.commandGateway(), () -> { });
        // The window's own filter: her accounts' events and the market's trades, as her frame loop drains them.
        EventInbox heard = new EventInbox(java.util.Set.of(ALICE_EQUITIES, 1003L));
        MarketSnapshot snapshot = trading.connect(heard).get(60, TimeUnit.SECONDS);
        DeskState desk = new DeskState(trading.currencies(), trading.instruments(), trading.accounts());
        desk.load(snapshot);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900); // never outlive a broken parent by long
        // Far from the day's open and from its close, so a jump back to the open would show.
        while (new SimulatorBookmark(java.nio.file.Path.of(args[0])).read()
                .map(p -> p.barIndex() < START_AFTER_MINUTE || p.barIndex() > START_AFTER_MINUTE + 150).orElse(true)) {
            drain(heard, desk, 0);
            LockSupport.parkNanos(5_000_000);
        }
        // Few orders: each goes through the audited gateway (forced writes), slow on a loaded machine.
        List<Object[]> orders = List.of(new Object[]{ASML, Side.BUY, 12L}, new Object[]{AIR, Side.BUY, 40L},
                new Object[]{ASML, Side.SELL, 9L});
        for (Object[] o : orders) {
            long orderId = trading.newOrderId(ALICE_EQUITIES);
            Command market = Command.PlaceOrder.market(trading.now(), ALICE, orderId, ALICE_EQUITIES, (Long) o[0],
                    (Side) o[1], (Long) o[2]);
            if (!trading.submit(market)) {
                throw new IllegalStateException("the session refused order " + orderId);
            }
            while (!ended(orderId, heard, desk)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + orderId + " never ended");
                }
                LockSupport.parkNanos(2_000_000);
                // let the market move between two orders, so each trades at its own price
            }
            LockSupport.parkNanos(60_000_000);
        }
        drain(heard, desk, 0);
        desk.endFrame();
        for (PositionRow p : desk.positions()) {
            System.out.println("POSITION " + line(p));
        }
        for (FillRow f : desk.fills()) {
            System.out.println("FILL " + f.tradeId());
        }
        orderWithAHistoryAndARefusedOcoStop(host, trading, heard, desk, deadline);
        System.out.println("READY");
        System.out.flush();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        System.exit(3);
    }

    /**
     * A bid 9% under ASML's reference price (inside its 10% band, far below where the market trades), amended one tick
     * lower to 5; then a sell OCO exit of 5 whose stop is off its tick: the engine accepts the target, refuses the
     * stop and cancels the target. Prints what her window shows of both (see the class comment).
     */
    private static void orderWithAHistoryAndARefusedOcoStop(SimulationHost host, SimulationSession trading,
                                                            EventInbox heard, DeskState desk, long deadline) {
        com.bourse.protocol.Instrument asml = trading.instruments().stream().filter(i -> i.id() == ASML).findFirst()
                .orElseThrow();
        long tick = asml.tickSize();
        long bid = asml.referencePrice() * 91 / 100 / tick * tick;
        // this desk applies no book deltas (it has no frame loop): the market's last trade says where it is
        long last = host.trades().recent(ASML).getLast().price();
        if (last - bid < 100 * tick) {
            throw new IllegalStateException("the market trades too close to the bid's price " + bid);
        }
        long bidId = trading.newOrderId(ALICE_EQUITIES);
        send(trading, heard, desk, Command.PlaceOrder.limit(trading.now(), ALICE, bidId, ALICE_EQUITIES, ASML,
                Side.BUY, bid, 3));
        await(heard, desk, deadline, e -> e instanceof Event.OrderAccepted a && a.orderId() == bidId);
        send(trading, heard, desk, new Command.ReplaceOrder(trading.now(), ALICE, bidId, ALICE_EQUITIES, bid - tick,
                0, 5));
        await(heard, desk, deadline, e -> e instanceof Event.OrderReplaced r && r.orderId() == bidId);

        long target = trading.newOrderId(ALICE_EQUITIES);
        long stop = trading.newOrderId(ALICE_EQUITIES);
        long offTickStop = last - 10 * tick - tick / 2;
        send(trading, heard, desk, Command.PlaceOco.pair(trading.now(), ALICE, ALICE_EQUITIES, ASML, Side.SELL, 5,
                target, asml.referencePrice() * 109 / 100 / tick * tick, stop, offTickStop));
        await(heard, desk, deadline, e -> e instanceof Event.OrderCancelled c && c.orderId() == target);

        // A buy bracket resting between the bid and the market: its window names the target and stop it will get
        long entryPrice = bid + 20 * tick;
        long entry = trading.newOrderId(ALICE_EQUITIES);
        long bracketTarget = trading.newOrderId(ALICE_EQUITIES);
        long bracketStop = trading.newOrderId(ALICE_EQUITIES);
        send(trading, heard, desk, new Command.PlaceOco(trading.now(), ALICE, ALICE_EQUITIES, ASML, Side.SELL,
                com.bourse.protocol.TimeInForce.GTC, 4, bracketTarget, entryPrice + 20 * tick, bracketStop,
                entryPrice - 10 * tick, entry, entryPrice));
        await(heard, desk, deadline, e -> e instanceof Event.OrderAccepted a && a.orderId() == entry);

        for (long orderId : new long[]{bidId, stop}) {
            for (com.bourse.ui.model.OrderHistory.Step step : desk.history().of(ALICE_EQUITIES, orderId)) {
                System.out.println("HISTORY " + ALICE_EQUITIES + " " + orderId + " " + step.event() + "\t"
                        + step.detail());
            }
        }
        for (com.bourse.ui.model.OrderRow row : desk.workingOrders()) {
            if (!row.isWorking()) {
                System.out.println("REFUSED " + row.orderId() + " " + row.reason());
            } else if (desk.bracketOf(row) != null) {
                System.out.println("BRACKET " + row.orderId() + " " + desk.linkOf(row));
            }
        }
        for (DeskState.LadderMark mark : desk.ladderMarks(ASML)) {
            System.out.println("MARK " + mark);
        }
    }

    private static void send(SimulationSession trading, EventInbox heard, DeskState desk, Command command) {
        switch (command) {
            case Command.PlaceOrder o -> heard.expectOrder(o.orderId());
            case Command.PlaceOco o -> {
                if (o.isBracket()) {
                    heard.expectOrder(o.entryOrderId());
                }
                heard.expectOrder(o.targetOrderId());
                heard.expectOrder(o.stopOrderId());
            }
            default -> {
            }
        }
        desk.sending(command);
        if (!trading.submit(command)) {
            throw new IllegalStateException("the session refused " + command);
        }
    }

    /** Applies what is heard until an event matches; fails past the deadline. */
    private static void await(EventInbox heard, DeskState desk, long deadline,
                              java.util.function.Predicate<Event> until) {
        boolean[] seen = {false};
        while (!seen[0]) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("never heard what the spec waits for");
            }
            heard.drainNotices(notice -> System.err.println("notice: " + notice));
            heard.drainEvents(event -> {
                desk.apply(event);
                seen[0] |= until.test(event);
            });
            desk.endFrame();
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** One positions-blotter row as the spec compares it: what a restart must give back to the cent. */
    static String line(PositionRow p) {
        return p.accountId() + " " + p.symbol() + " " + p.quantity() + " "
                + (p.averagePrice() == null ? "-" : p.averagePrice().toPlainString()) + " "
                + p.realisedPnl().toPlainString();
    }

    /** Applies what was heard; true once the order has nothing left open (filled, or its remainder cancelled). */
    private static boolean ended(long orderId, EventInbox heard, DeskState desk) {
        return drain(heard, desk, orderId);
    }

    private static boolean drain(EventInbox heard, DeskState desk, long orderId) {
        boolean[] ended = {false};
        heard.drainNotices(notice -> System.err.println("notice: " + notice));
        heard.drainEvents(event -> {
            desk.apply(event);
            if (orderId != 0 && !(event instanceof Event.Trade t && t.takerOrderId() != orderId
                    && t.makerOrderId() != orderId)) {
                System.err.println("heard " + event);
            }
            ended[0] |= switch (event) {
                case Event.Trade t -> t.takerOrderId() == orderId && t.takerAccountId() == ALICE_EQUITIES
                        && t.takerLeaves() == 0;
                case Event.OrderCancelled c -> c.orderId() == orderId;
                case Event.OrderRejected r -> r.orderId() == orderId;
                default -> false;
            };
        });
        desk.endFrame();
        return ended[0];
    }
}
