package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandOutbox;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Child process of {@link FirstRunAuditCrashTest}: the desktop's first run on an empty data folder
 * ({@link SimulationHost} sets the back office up in {@code .setup/}, moves it in and opens it), alice signs in and
 * sends one order through the back office's {@link CommandOutbox} as her ticket does. Once the engine accepted it
 * and the journal's commit covers it, it prints {@code ACK <orderId>} and idles, the market running, until killed.
 * Arguments: the data folder, milliseconds the desk stays idle between its start and alice's sign-in (a person
 * reading the screen: long enough for H2 to free the space of the start's own writes).
 */
public final class FirstRunOrderDesk {
    static final long ALICE = 2;
    static final long ALICE_EQUITIES = 1001;
    static final long ASML = 1;

    private FirstRunOrderDesk() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("bourse.data", args[0]);
        System.setProperty("bourse.home", args[0] + "-home");
        long beforeSignIn = Long.parseLong(args[1]);
        SimulationHost host = new SimulationHost(DesktopConfig.fromSystemProperties());
        System.out.println("OPEN");
        System.out.flush();
        Thread.sleep(beforeSignIn);
        Session session = switch (host.office().signIn().signIn("alice", "alice-training-1".toCharArray())) {
            case SignInResult.SignedIn signedIn -> signedIn.session();
            case SignInResult.Refused refused -> throw new IllegalStateException(refused.message());
        };
        long orderId = host.newOrderId(ALICE_EQUITIES);
        CountDownLatch accepted = new CountDownLatch(1);
        long[] journaledAt = {0};
        host.venue().subscribe(event -> {
            if (event instanceof Event.OrderAccepted e && e.orderId() == orderId) {
                journaledAt[0] = host.office().desk().journal().lastSeq();
                accepted.countDown();
            }
        });
        Command order = new Command.PlaceOrder(System.currentTimeMillis(), ALICE, orderId, ALICE_EQUITIES, ASML,
                Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 68_000, 0, 1, 0, false);
        if (!host.office().commandOutbox().offer(host.commandGateway(), session, order, notSent -> {
            System.err.println("not sent: " + notSent.reason());
            System.exit(4);
        })) {
            System.exit(5);
        }
        if (!accepted.await(60, TimeUnit.SECONDS)) {
            System.exit(6);
        }
        while (host.office().desk().journal().committedSeq() < journaledAt[0]) {
            Thread.sleep(1);
        }
        System.out.println("ACK " + orderId);
        System.out.flush();
        Thread.sleep(180_000); // never outlive a broken parent by long
        System.exit(3);
    }
}
