package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.ControlImpact;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.RiskFeed;
import com.bourse.ui.port.RiskSnapshot;
import com.bourse.ui.port.TraderIdentity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A risk desk under load: {@code held} orders waiting at connect, then new alerts at a fixed rate from its own
 * thread (as the venue's thread would deliver them, each after the order's acceptance), and as many decisions on
 * random held orders (other officers at work), so the queue keeps its size while lines come and go anywhere in
 * it. Describing an alert costs what the live desk's does (the order is known from its acceptance). Remembers
 * when each alert was sent, so the bench can time alert to queue line.
 */
final class StressRiskDesk implements RiskDesk {
    static final long OFFICER = 4;
    private static final System.Logger LOG = System.getLogger(StressRiskDesk.class.getName());

    private final SampleWorld data = SampleWorld.read(SampleWorld.locate());
    private final int initialHeld;
    private final List<Long> accountIds = new ArrayList<>();
    private final Map<Long, Long> owners = new HashMap<>();
    private final Map<Long, ReviewItem> held = new ConcurrentHashMap<>();
    /** Producer thread only: the held order ids, for picking one to decide. */
    private final List<Long> heldIds = new ArrayList<>();
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong decisions = new AtomicLong();
    private volatile RiskFeed feed;
    private volatile boolean running;
    private Thread producer;
    private long nextOrderId = 5_000_000_000L;

    StressRiskDesk(int initialHeld) {
        this.initialHeld = initialHeld;
        for (SampleWorld.SampleAccount account : data.accounts()) {
            accountIds.add(account.accountId());
            owners.put(account.accountId(), data.userIdOf(account.ownerUsername()));
        }
    }

    @Override
    public TraderIdentity officer() {
        return new TraderIdentity(OFFICER, "stress-officer", "Stress Officer",
                com.bourse.protocol.Role.RISK_OFFICER.bit());
    }

    @Override
    public CompletableFuture<RiskSnapshot> connect(RiskFeed riskFeed) {
        SplittableRandom random = new SplittableRandom(11);
        long start = System.currentTimeMillis() - initialHeld * 1_000L;
        for (int k = 0; k < initialHeld; k++) {
            ReviewItem item = order(random, nextOrderId++, start + k * 1_000L);
            held.put(item.subjectId(), item);
            heldIds.add(item.subjectId());
        }
        List<RiskSnapshot.RiskAccount> accounts = new ArrayList<>();
        for (SampleWorld.SampleAccount a : data.accounts()) {
            accounts.add(new RiskSnapshot.RiskAccount(a.accountId(), a.name(), owners.get(a.accountId()),
                    a.baseCurrency(), EngineConfig.defaults().defaultLimits(), false));
        }
        Map<Long, String> users = new HashMap<>();
        for (SampleWorld.SampleUser u : data.users()) {
            users.put(u.userId(), u.displayName());
        }
        this.feed = riskFeed;
        return CompletableFuture.completedFuture(new RiskSnapshot(List.copyOf(held.values()), accounts, java.util.Set.of(),
                users));
    }

    private ReviewItem order(SplittableRandom random, long orderId, long raisedAt) {
        List<Instrument> instruments = data.instruments();
        Instrument i = instruments.get(random.nextInt(instruments.size()));
        long account = accountIds.get(random.nextInt(accountIds.size()));
        long quantity = 500 + random.nextInt(5_000);
        long price = i.referencePrice() + (random.nextInt(21) - 10) * i.tickSize();
        int amount = 4_000 + random.nextInt(6_000);
        int frequency = random.nextInt(3_000);
        int pattern = random.nextInt(4_000);
        int rules = random.nextInt(4) == 0 ? SurveillanceRule.mask(SurveillanceRule.values()[0]) : 0;
        return new ReviewItem(ReviewSubject.ORDER, orderId, account, owners.get(account), owners.get(account), i.id(),
                random.nextBoolean() ? Side.BUY : Side.SELL, quantity, price, quantity * price, i.currency(), "",
                Math.min(10_000, (amount + frequency + pattern) / 2), amount, frequency, pattern,
                ErrorCode.LARGE_AMOUNT, rules, raisedAt);
    }

    /** Starts {@code perSecond} alerts a second and, when {@code churn}, as many decisions on random held lines. */
    void startAlerts(int perSecond, boolean churn, long seed) {
        running = true;
        producer = Thread.ofPlatform().name("stress-risk-venue").daemon()
                .uncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.ERROR, "stress risk venue stopped", e))
                .start(() -> produce(perSecond, churn, seed));
    }

    void stopAlerts() {
        running = false;
        if (producer != null) {
            try {
                producer.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void produce(int perSecond, boolean churn, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        long sent = 0;
        while (running) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (sent < due && running) {
                ReviewItem item = order(random, nextOrderId++, System.currentTimeMillis());
                held.put(item.subjectId(), item);
                heldIds.add(item.subjectId());
                sentAt.put(item.subjectId(), System.nanoTime());
                feed.onEvent(new Event.OrderHeld(item.subjectId(), item.accountId(), item.scoreBps(), item.reason()));
                feed.onEvent(new Event.RiskAlert(ReviewSubject.ORDER, item.subjectId(), item.accountId(),
                        item.scoreBps(), item.amountBps(), item.frequencyBps(), item.patternBps(), item.reason(),
                        item.ruleMask()));
                alerts.incrementAndGet();
                if (churn) {
                    int at = random.nextInt(heldIds.size() - 1); // never the one just held
                    long decided = heldIds.get(at);
                    heldIds.set(at, heldIds.getLast());
                    heldIds.removeLast();
                    held.remove(decided);
                    feed.onEvent(new Event.OrderApproved(decided, OFFICER + 1));
                    decisions.incrementAndGet();
                }
                sent++;
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    long alertsSent() {
        return alerts.get();
    }

    long decisionsSent() {
        return decisions.get();
    }

    /** When the alert about {@code orderId} was sent (System.nanoTime), or null for a line of the snapshot. */
    Long sentAt(long orderId) {
        return sentAt.get(orderId);
    }

    @Override
    public CompletableFuture<Optional<ReviewItem>> describe(Event.RiskAlert alert, Event.TransferStateChanged transfer) {
        return CompletableFuture.completedFuture(Optional.ofNullable(held.get(alert.subjectId())));
    }

    @Override
    public CompletableFuture<AccountExposure> exposure(long accountId) {
        List<AccountExposure.InstrumentExposure> rows = new ArrayList<>();
        for (Instrument i : data.instruments().subList(0, Math.min(3, data.instruments().size()))) {
            rows.add(new AccountExposure.InstrumentExposure(i.id(), 100, 500, 0));
        }
        return CompletableFuture.completedFuture(new AccountExposure(accountId, rows, 3, 500, 2, List.of()));
    }

    @Override
    public CompletableFuture<ControlImpact> impact(List<Long> accountIds, long instrumentId) {
        return CompletableFuture.completedFuture(new ControlImpact(0, 0));
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public boolean submit(Command command) {
        return false;
    }

    @Override
    public void close() {
        stopAlerts();
    }
}
