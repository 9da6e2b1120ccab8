package com.bourse.app.training;

import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.simulator.session.MarketSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the debrief needs beyond the session's own account of the trainee, heard on the session's tap: the market's
 * running volume and value per instrument (so each fill has the interval VWAP from its order's arrival), the mid at
 * each trainee order's arrival, the last prices, and the trainee's trading result marked to them once a simulated
 * minute. Engine thread only.
 */
final class TraineeLedger implements EventSink {

    /** One trainee fill with its benchmarks; the VWAP is value over volume traded since the order arrived. */
    record Fill(long time, long orderId, long instrumentId, Side side, long price, long quantity, long arrivalDoubleMid,
                long intervalValue, long intervalVolume) {
    }

    record Point(long time, long pnlMinor) {
    }

    private record Arrival(long doubleMid, long value, long volume) {
    }

    private final long account;
    private final Map<Long, Instrument> instruments = new HashMap<>();
    private final Map<Long, Long> divisors = new HashMap<>();
    private final Map<Long, long[]> market = new HashMap<>();
    private final Map<Long, Arrival> arrivals = new HashMap<>();
    private final Map<Long, Long> positions = new HashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    /** Per instrument, in its price units times quantity: what the trainee paid (negative) and received. */
    private final Map<Long, Long> cashByInstrument = new HashMap<>();
    private final String baseCurrency;
    private MarketSession session;
    private long rejected;
    private long lastSampleMinute = Long.MIN_VALUE;

    /** @param minorDigits of the base currency; P&L counts the instruments quoted in it */
    TraineeLedger(long account, List<Instrument> list, String baseCurrency, int minorDigits) {
        this.account = account;
        this.baseCurrency = baseCurrency;
        for (Instrument instrument : list) {
            instruments.put(instrument.id(), instrument);
            market.put(instrument.id(), new long[]{0, 0, instrument.referencePrice()});
            divisors.put(instrument.id(), com.bourse.protocol.FixedPoint.pow10(instrument.priceScale() - minorDigits));
        }
    }

    void attach(MarketSession marketSession) {
        this.session = marketSession;
    }

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.OrderAccepted e -> orderAccepted(e.orderId(), e.accountId(), e.instrumentId());
            case Event.Trade e -> trade(e.instrumentId(), e.price(), e.quantity(), e.takerSide(), e.makerOrderId(),
                    e.takerOrderId(), e.makerAccountId(), e.takerAccountId(), e.timestamp());
            case Event.OrderRejected e -> {
                if (e.accountId() == account) {
                    rejected++;
                }
            }
            default -> {
            }
        }
    }

    private void orderAccepted(long orderId, long accountId, long instrumentId) {
        if (accountId != account || session == null) {
            return;
        }
        int index = session.scenario().instruments().indexOf(instruments.get(instrumentId));
        long[] m = market.get(instrumentId);
        arrivals.put(orderId, new Arrival(index < 0 ? 0 : session.book(index).doubleMid(), m[0], m[1]));
    }

    private void trade(long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                       long takerOrderId, long makerAccountId, long takerAccountId, long time) {
        long[] m = market.get(instrumentId);
        if (m == null) {
            return;
        }
        // A point per simulated minute that traded, so a jump or a fast run still draws the whole curve.
        sample(time);
        m[0] += price * quantity;
        m[1] += quantity;
        m[2] = price;
        if (makerAccountId == account) {
            fill(time, makerOrderId, instrumentId, takerSide == Side.BUY ? Side.SELL : Side.BUY, price, quantity, m);
        }
        if (takerAccountId == account) {
            fill(time, takerOrderId, instrumentId, takerSide, price, quantity, m);
        }
    }

    private void fill(long time, long orderId, long instrumentId, Side side, long price, long quantity, long[] m) {
        Arrival arrival = arrivals.getOrDefault(orderId, new Arrival(0, m[0] - price * quantity, m[1] - quantity));
        fills.add(new Fill(time, orderId, instrumentId, side, price, quantity, arrival.doubleMid(),
                m[0] - arrival.value(), m[1] - arrival.volume()));
        long signed = side == Side.BUY ? quantity : -quantity;
        positions.merge(instrumentId, signed, Long::sum);
        if (instruments.get(instrumentId).currency().equals(baseCurrency)) {
            cashByInstrument.merge(instrumentId, -signed * price, Long::sum);
        }
    }

    /** The trading result in minor units of the base currency: cash paid and received plus positions at last prices. */
    long pnlMinor() {
        long total = 0;
        for (Map.Entry<Long, Long> e : cashByInstrument.entrySet()) {
            long id = e.getKey();
            long value = e.getValue() + positions.getOrDefault(id, 0L) * market.get(id)[2];
            total += value / divisors.get(id);
        }
        return total;
    }

    /** Adds a point to the P&L curve when a new simulated minute began. */
    void sample(long now) {
        long minute = now / 60_000;
        if (minute > lastSampleMinute) {
            lastSampleMinute = minute;
            points.add(new Point(now, pnlMinor()));
        }
    }

    List<Fill> fills() {
        return List.copyOf(fills);
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    long rejected() {
        return rejected;
    }

    long lastPrice(long instrumentId) {
        return market.get(instrumentId)[2];
    }
}
