package com.bourse.simulator;

import com.bourse.protocol.Instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the market simulator replays and who it trades as: the instruments in the order they are quoted, each one's
 * minute bars (an instrument without history is not quoted), and the two participants the simulator plays: the
 * market makers quoting in one account and the order flow trading against them from another. They are two owners,
 * as on a real venue: one owner on both sides of a trade is a wash trade, which surveillance holds for review.
 *
 * @param makerUser    the market makers' user
 * @param makerAccount the account the quotes are placed in
 * @param flowUser     the order flow's user
 * @param flowAccount  the account the marketable order flow comes from
 * @param instruments  the instruments to quote, in quoting order
 * @param history      minute bars by instrument id
 */
public record SimulatedMarket(long makerUser, long makerAccount, long flowUser, long flowAccount, List<Instrument> instruments,
                              Map<Long, List<PriceBar>> history) {
    public SimulatedMarket {
        if (makerAccount == flowAccount) {
            throw new IllegalArgumentException("the makers and the flow need two accounts, both are " + makerAccount);
        }
        if (makerUser == flowUser) {
            throw new IllegalArgumentException("the makers and the flow need two owners (one owner on both sides is a "
                    + "wash trade), both are user " + makerUser);
        }
        instruments = List.copyOf(instruments);
        Map<Long, List<PriceBar>> copy = new HashMap<>();
        history.forEach((id, bars) -> copy.put(id, List.copyOf(bars)));
        history = Map.copyOf(copy);
    }

    /** The bars of {@code instrument}; empty when it has none. */
    public List<PriceBar> bars(Instrument instrument) {
        return history.getOrDefault(instrument.id(), List.of());
    }

    /** Minutes of the longest history: the length of the simulated day. */
    public int minutes() {
        int longest = 0;
        for (List<PriceBar> bars : history.values()) {
            longest = Math.max(longest, bars.size());
        }
        return longest;
    }
}
