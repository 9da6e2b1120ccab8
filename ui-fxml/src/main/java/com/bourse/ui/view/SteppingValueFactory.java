package com.bourse.ui.view;

import com.bourse.ui.model.Decimals;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A spinner value that stays the text the trader typed (so bad input is shown and refused, never silently
 * replaced) and steps by a lot or a tick in fixed point when the arrows are used. A step from text that is
 * not a number starts from {@code origin}.
 */
final class SteppingValueFactory extends SpinnerValueFactory<String> {
    private final LongSupplier step;
    private final IntSupplier scale;
    private final LongSupplier origin;

    SteppingValueFactory(LongSupplier step, IntSupplier scale, LongSupplier origin) {
        this.step = step;
        this.scale = scale;
        this.origin = origin;
        setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        setValue("");
    }

    @Override
    public void decrement(int steps) {
        stepBy(-steps);
    }

    @Override
    public void increment(int steps) {
        stepBy(steps);
    }

    private void stepBy(int steps) {
        int s = scale.getAsInt();
        long unit = Math.max(1, step.getAsLong());
        long current = switch (s == 0 ? Decimals.parseWhole(getValue()) : Decimals.parse(getValue(), s)) {
            case Decimals.Parsed.Value v -> v.units();
            case Decimals.Parsed.Invalid i -> origin.getAsLong();
        };
        long floor = Math.floorDiv(current, unit) * unit;
        long next;
        if (floor == current) {
            next = current + (long) steps * unit;
        } else {
            // Off the grid: the first step up lands on the next tick, the first step down on the one below.
            next = steps > 0 ? floor + (long) steps * unit : floor + (long) (steps + 1) * unit;
        }
        if (next < unit) {
            next = unit;
        }
        setValue(s == 0 ? Long.toString(next) : Decimals.plain(next, s));
    }
}
