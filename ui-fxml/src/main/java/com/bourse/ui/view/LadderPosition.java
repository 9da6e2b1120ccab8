package com.bourse.ui.view;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.PositionRow;
import com.bourse.ui.port.AccountView;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the ladder and chart mark of the account's position in their instrument: its quantity, average price
 * (exact, and on the nearest tick for the ladder's row) and what one tick is worth on it.
 *
 * @param averageTick the average price on the nearest tick, in price units
 * @param perTick     money one tick's move makes or loses on the whole quantity, in the instrument's currency
 */
public record LadderPosition(long quantity, BigDecimal average, long averageTick, BigDecimal perTick,
                             String currency) {

    /** The position of {@code account} in {@code instrument}, or null when there is none or it is flat. */
    public static LadderPosition of(DeskState desk, AccountView account, Instrument instrument) {
        if (account == null || instrument == null) {
            return null;
        }
        for (PositionRow row : desk.positions()) {
            if (row.accountId() == account.accountId() && row.instrumentId() == instrument.id()
                    && row.quantity() != 0 && row.averagePrice() != null) {
                long tick = instrument.tickSize();
                long units = FixedPoint.toUnits(row.averagePrice().setScale(instrument.priceScale(),
                        RoundingMode.HALF_EVEN), instrument.priceScale());
                long onTick = Math.floorDiv(units + tick / 2, tick) * tick;
                BigDecimal perTick = FixedPoint.toDecimal(Math.multiplyExact(Math.abs(row.quantity()), tick),
                        instrument.priceScale()).setScale(desk.digits(instrument.currency()), RoundingMode.HALF_EVEN);
                return new LadderPosition(row.quantity(), row.averagePrice(), onTick, perTick, row.currency());
            }
        }
        return null;
    }
}
