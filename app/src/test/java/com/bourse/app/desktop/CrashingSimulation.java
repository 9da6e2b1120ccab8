package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link SimulationCrashTest}: the desktop's simulation ({@link SimulationHost}: back office,
 * journaled engine, market simulator replaying a bar every 10 ms) with a trader, alice, entering orders through the
 * {@link CommandGateway} as her ticket does. After each of her orders is committed to the journal it prints
 * {@code ACK <orderId>}, until it is killed. Argument: the data folder.
 */
public final class CrashingSimulation {
    static final long ALICE = 2;
    static final long ALICE_EQUITIES = 1001;
    static final long ASML = 1;

    private CrashingSimulation() {
    }

    public static void main(String[] args) {
        System.setProperty("bourse.data", args[0]);
        System.setProperty("bourse.home", args[0] + "-home");
        System.setProperty("bourse.sim.barMillis", "10");
        System.setProperty("bourse.sim.warmUpBars", "5");
        SimulationHost host = new SimulationHost(DesktopConfig.fromSystemProperties());
        Session session = switch (host.office().signIn().signIn("alice", "alice-training-1".toCharArray())) {
            case SignInResult.SignedIn signedIn -> signedIn.session();
            case SignInResult.Refused refused -> throw new IllegalStateException(refused.message());
        };
        // Heard on the engine thread, where the journal's last sequence is that of the command being applied
        // (or, if events are told after the batch, of a later one): the order is safe once a commit covers it.
        Map<Long, Long> journaledAt = new ConcurrentHashMap<>();
        host.venue().subscribe(event -> {
            long orderId = switch (event) {
                case Event.OrderAccepted e -> e.orderId();
                case Event.OrderRejected e -> e.orderId();
                default -> 0;
            };
            if (orderId != 0 && orderId / 1_000_000_000L == ALICE_EQUITIES) {
                journaledAt.putIfAbsent(orderId, host.office().desk().journal().lastSeq());
            }
        });
        CommandGateway gateway = host.commandGateway();
        long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a broken parent by long
        for (int i = 0; System.nanoTime() < deadline; i++) {
            long orderId = host.newOrderId(ALICE_EQUITIES);
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            long price = 68_450 + (side == Side.BUY ? -10 : 10) * (1 + i % 20);
            Command order = new Command.PlaceOrder(System.currentTimeMillis(), ALICE, orderId, ALICE_EQUITIES, ASML,
                    side, OrderType.LIMIT, TimeInForce.DAY, price, 0, 1 + i % 5, 0, false);
            if (!gateway.offer(session, order)) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            Long seq;
            while ((seq = journaledAt.get(orderId)) == null || host.office().desk().journal().committedSeq() < seq) {
                LockSupport.parkNanos(100_000);
            }
            System.out.println("ACK " + orderId);
            System.out.flush();
        }
        System.exit(3);
    }
}
