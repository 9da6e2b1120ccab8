package com.bourse.simulator;

import com.bourse.csv.CsvFile;
import com.bourse.csv.FieldReader;
import com.bourse.csv.ImportRejectedException;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a price history: the CSV file {@code minute,open,high,low,close,volume} of {@code sample-data/price-history/}
 * (prices in the instrument's price units), through the strict {@link CsvFile} reader. The one reader of minute
 * bars, for the sample world's replay and for a scenario's historical path alike. Every bad line is collected
 * (file, line, field, why) and the whole history refused with an {@link ImportRejectedException}.
 */
public final class MinuteBars {
    public static final List<String> COLUMNS = List.of("minute", "open", "high", "low", "close", "volume");
    /** A week of minutes: far more than one trading day of history. */
    private static final long MAX_MINUTE = 7 * 24 * 60;

    private MinuteBars() {
    }

    /**
     * The bars of {@code csv} in minute order. Minutes must rise; with {@code everyMinute} they must also start at 0
     * and leave none out (a path read minute by minute), otherwise a minute without trades may simply be absent.
     *
     * @param file the name problems are reported under
     */
    public static List<PriceBar> read(String file, Reader csv, boolean everyMinute) {
        CsvFile table = CsvFile.read(file, csv, COLUMNS, List.of());
        FieldReader in = new FieldReader(file);
        List<PriceBar> bars = new ArrayList<>();
        int lastMinute = -1;
        for (CsvFile.CsvRecord r : table.records()) {
            int minute = (int) in.number(r, "minute", 0, MAX_MINUTE);
            long open = in.number(r, "open", 1, Long.MAX_VALUE);
            long high = in.number(r, "high", 1, Long.MAX_VALUE);
            long low = in.number(r, "low", 1, Long.MAX_VALUE);
            long close = in.number(r, "close", 1, Long.MAX_VALUE);
            long volume = in.number(r, "volume", 0, Long.MAX_VALUE);
            if (minute <= lastMinute) {
                in.problem(r, "minute", "minute " + minute + " does not come after minute " + lastMinute);
            } else if (everyMinute && minute != lastMinute + 1) {
                in.problem(r, "minute", "minute " + minute + " follows minute " + lastMinute
                        + ": this history needs every minute from 0");
            }
            lastMinute = Math.max(lastMinute, minute);
            if (open <= 0 || high <= 0 || low <= 0 || close <= 0) {
                continue;
            }
            if (low > high || open < low || open > high || close < low || close > high) {
                in.problem(r, "low", "open " + open + " and close " + close + " must lie within low " + low
                        + " and high " + high);
                continue;
            }
            bars.add(new PriceBar(minute, open, high, low, close, volume));
        }
        in.rejectIfProblems();
        return bars;
    }
}
