package com.bourse.ui.model;

import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DepthBookTest {
    private static final Instrument AIR = new Instrument(3, "AIR", "EUR", 2, 2, 1, 16_236, 1_000);

    @Test
    void touchFollowsLevelsAppearingAndEmptying() {
        DepthBook book = new DepthBook(AIR);
        book.reset(List.of(new BookLevel(16_234, 100, 1), new BookLevel(16_230, 50, 2)),
                List.of(new BookLevel(16_238, 70, 1), new BookLevel(16_240, 20, 1)), 0);

        book.set(Side.BUY, 16_234, 0, 0);
        book.set(Side.SELL, 16_236, 5, 1);

        assertThat(book.bestBid()).isEqualTo(16_230);
        assertThat(book.bestAsk()).isEqualTo(16_236);
        assertThat(book.quantityAt(Side.BUY, 16_230)).isEqualTo(50);
        assertThat(book.ordersAt(Side.BUY, 16_230)).isEqualTo(2);
    }

    @Test
    void centreIsTheMidOfTheTouchOnATick() {
        DepthBook book = new DepthBook(AIR);
        book.reset(List.of(new BookLevel(16_230, 1, 1)), List.of(new BookLevel(16_236, 1, 1)), 0);

        assertThat(book.centrePrice()).isEqualTo(16_232);
    }

    @Test
    void emptyBookCentresOnTheReferencePrice() {
        assertThat(new DepthBook(AIR).centrePrice()).isEqualTo(16_236);
    }

    @Test
    void levelsOutsideTheBandOrOffTickAreIgnored() {
        DepthBook book = new DepthBook(AIR);
        long before = book.version();

        book.set(Side.BUY, 1, 10, 1);
        book.set(Side.BUY, 16_237, 10, 1);

        assertThat(book.version()).isEqualTo(before);
        assertThat(book.bestBid()).isZero();
    }

    @Test
    void moreThanFiveLevelsASideAreKeptWhenTheBookHasThem() {
        DepthBook book = new DepthBook(AIR);
        List<BookLevel> bids = new java.util.ArrayList<>();
        List<BookLevel> asks = new java.util.ArrayList<>();
        for (int level = 0; level < 12; level++) {
            bids.add(new BookLevel(16_234 - 2L * level, 10 + level, 1));
            asks.add(new BookLevel(16_238 + 2L * level, 20 + level, 1));
        }

        book.reset(bids, asks, 0);

        assertThat(book.quantityAt(Side.BUY, 16_234 - 2 * 11)).isEqualTo(21);
        assertThat(book.quantityAt(Side.SELL, 16_238 + 2 * 11)).isEqualTo(31);
    }

    @Test
    void volumeAtEachPriceAddsUpTheDaysTradesAndStartsAgainTheNextDay() {
        DepthBook book = new DepthBook(AIR, java.time.ZoneOffset.UTC);
        long day = 86_400_000L;
        book.trade(day + 1_000, 16_236, 5);
        book.trade(day + 2_000, 16_236, 7);
        book.trade(day + 3_000, 16_238, 1);

        assertThat(book.tradedAt(16_236)).isEqualTo(12);
        assertThat(book.volumeToday()).isEqualTo(13);
        assertThat(book.lastTradeQuantity()).isEqualTo(1);

        book.trade(2 * day + 1_000, 16_240, 3);

        assertThat(book.tradedAt(16_236)).isZero();
        assertThat(book.tradedAt(16_240)).isEqualTo(3);
        assertThat(book.volumeToday()).isEqualTo(3);
    }
}
