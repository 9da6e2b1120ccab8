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
 * ({@code FILL tradeId}) as her window shows them, then {@code READY}, and keeps the market running until killed.
 * Argument: the data folder.
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
        System.out.println("READY");
        System.out.flush();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        System.exit(3);
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
