package com.bourse.app.training;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.scenario.TraineeSetup;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The trainee's line to a training session: the scenario's instruments and the trainee's seat (account, limits,
 * starting cash and positions as the scenario deposits them), orders stamped with simulated time and injected into
 * the session on its engine thread (so they are recorded), events from the session's tap. Thread-safe.
 */
final class TraineeSession implements TradingSession {
    private final TrainingHost host;
    private final TraderIdentity trader;
    private final Scenario scenario;
    private final List<AccountView> accounts;
    private final Runnable signOut;
    private final AutoCloseable[] subscription = new AutoCloseable[1];
    private volatile MarketFeed feed;
    private volatile boolean closed;

    TraineeSession(TrainingHost host, TraderIdentity trader, Runnable signOut) {
        this.host = host;
        this.trader = trader;
        this.scenario = host.scenario();
        this.signOut = signOut;
        TraineeSetup seat = scenario.trainee();
        // The dashboard gauges exposure against the starting cash: what the trainee was given to trade with.
        long exposure = com.bourse.protocol.FixedPoint.toUnits(seat.cash().getOrDefault(seat.baseCurrency(),
                java.math.BigDecimal.ZERO), scenario.currency(seat.baseCurrency()).minorDigits(),
                java.math.RoundingMode.DOWN);
        this.accounts = List.of(new AccountView(seat.accountId(), "Training (" + scenario.name() + ")",
                seat.baseCurrency(), exposure, seat.limits()));
    }

    @Override
    public TraderIdentity trader() {
        return trader;
    }

    @Override
    public VenueMode mode() {
        return VenueMode.SIMULATION;
    }

    @Override
    public ConnectionState connectionState() {
        return closed ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTED;
    }

    @Override
    public List<Currency> currencies() {
        return scenario.currencies();
    }

    @Override
    public List<Instrument> instruments() {
        // The instruments the trainee holds come first, so that the ticket, ladder and chart open on them.
        List<Instrument> held = new java.util.ArrayList<>();
        List<Instrument> others = new java.util.ArrayList<>();
        for (Instrument instrument : scenario.instruments()) {
            (scenario.trainee().positions().containsKey(instrument.symbol()) ? held : others).add(instrument);
        }
        held.addAll(others);
        return List.copyOf(held);
    }

    @Override
    public List<AccountView> accounts() {
        return accounts;
    }

    @Override
    public long newOrderId(long accountId) {
        return host.newOrderId(accountId);
    }

    /** Simulated time: the session restamps the command with the millisecond it applies at anyway. */
    @Override
    public long now() {
        return host.now();
    }

    @Override
    public boolean submit(Command command) {
        MarketFeed f = feed;
        return !closed && f != null && host.submit(command, f);
    }

    @Override
    public CompletableFuture<MarketSnapshot> connect(MarketFeed sink) {
        this.feed = sink;
        return host.connect(sink, accounts.getFirst().accountId(), subscription);
    }

    @Override
    public long lastLatencyNanos() {
        return 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        signOut.run();
        AutoCloseable s = subscription[0];
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
