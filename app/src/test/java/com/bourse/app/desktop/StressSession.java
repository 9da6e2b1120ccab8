package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A venue that floods the desktop with market data: book updates at a fixed rate (spread over the levels
 * around each instrument's reference price, most on the instrument the ladder shows) and a trade every
 * fiftieth update, from its own thread, exactly as the embedded venue's thread would deliver them.
 * Remembers the last quantity it sent for each level so a test can check what the screen should show.
 */
final class StressSession implements TradingSession {
    private final SampleWorld data = SampleWorld.read(SampleWorld.locate());
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, Long> lastQuantity = new ConcurrentHashMap<>();
    private volatile EventSink sink;
    private volatile boolean running;
    private Thread producer;

    @Override
    public TraderIdentity trader() {
        return new TraderIdentity(2, "stress", "Stress Test", 1);
    }

    @Override
    public VenueMode mode() {
        return VenueMode.SIMULATION;
    }

    @Override
    public ConnectionState connectionState() {
        return ConnectionState.CONNECTED;
    }

    @Override
    public List<Currency> currencies() {
        return data.currencies();
    }

    @Override
    public List<Instrument> instruments() {
        return data.instruments();
    }

    @Override
    public List<AccountView> accounts() {
        return List.of(new AccountView(1001, "Stress", "EUR", 50_000_000, EngineConfig.defaults().defaultLimits()));
    }

    @Override
    public long newOrderId(long accountId) {
        return 0;
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
    public CompletableFuture<MarketSnapshot> connect(com.bourse.ui.port.MarketFeed listener) {
        sink = listener;
        return CompletableFuture.completedFuture(new MarketSnapshot(Map.of(), List.of(), List.of()));
    }

    @Override
    public long lastLatencyNanos() {
        return 0;
    }

    @Override
    public void close() {
        stopFlood();
    }

    /** Starts sending {@code perSecond} book updates a second, in 1 ms batches. */
    void startFlood(int perSecond, long seed) {
        running = true;
        producer = Thread.ofPlatform().name("stress-venue").daemon().start(() -> flood(perSecond, seed));
    }

    void stopFlood() {
        running = false;
        if (producer != null) {
            try {
                producer.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long sent() {
        return sent.get();
    }

    /** The last quantity sent for a level (0 if never), which the desk must end up showing. */
    long lastQuantity(long instrumentId, Side side, long price) {
        return lastQuantity.getOrDefault(instrumentId + "/" + side + "/" + price, 0L);
    }

    private void flood(int perSecond, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Instrument> instruments = data.instruments();
        long start = System.nanoTime();
        long tradeId = 0;
        while (running) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (sent.get() < due && running) {
                Instrument i = random.nextInt(4) == 0 ? instruments.get(random.nextInt(instruments.size()))
                        : instruments.getFirst();
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long offset = 1 + random.nextInt(40);
                long price = i.referencePrice() + (side == Side.BUY ? -offset : offset) * i.tickSize();
                long quantity = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(900);
                lastQuantity.put(i.id() + "/" + side + "/" + price, quantity);
                sink.onEvent(new Event.BookDelta(i.id(), side, price, quantity, quantity == 0 ? 0 : 1
                        + random.nextInt(5)));
                if (sent.incrementAndGet() % 50 == 0) {
                    long tradePrice = i.referencePrice() + (random.nextInt(5) - 2) * i.tickSize();
                    sink.onEvent(new Event.Trade(++tradeId, i.id(), tradePrice, 1 + random.nextInt(50),
                            Side.BUY, 1, 2, 9001, 9002, 0, 0, System.currentTimeMillis()));
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
