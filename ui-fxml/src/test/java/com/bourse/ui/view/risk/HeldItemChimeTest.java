package com.bourse.ui.view.risk;

import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval queue's optional sound for new held items. */
class HeldItemChimeTest {
    private final SimpleIntegerProperty unseen = new SimpleIntegerProperty();
    private final AtomicInteger chimes = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final HeldItemChime chime = new HeldItemChime(unseen, chimes::incrementAndGet, now::get);

    @Test
    void aNewHeldItemIsSilentUntilTheOfficerTurnsSoundOn() {
        unseen.set(1);

        assertThat(chimes).hasValue(0);
    }

    @Test
    void withSoundOnANewHeldItemSoundsOnce() {
        chime.enabledProperty().set(true);

        unseen.set(1);

        assertThat(chimes).hasValue(1);
    }

    @Test
    void theOfficerSeeingTheQueueMakesNoSound() {
        chime.enabledProperty().set(true);
        unseen.set(3);
        now.addAndGet(HeldItemChime.QUIET_MILLIS);

        unseen.set(0);

        assertThat(chimes).hasValue(1);
    }

    @Test
    void aBurstOfHeldItemsSoundsOnceASecond() {
        chime.enabledProperty().set(true);

        for (int k = 1; k <= 50; k++) {
            unseen.set(k);
            now.addAndGet(20);
        }

        // 50 items within one second: the first sounds, the others fall in its quiet second; the next after it sounds.
        assertThat(chimes).hasValue(1);
        unseen.set(51);
        assertThat(chimes).hasValue(2);
    }
}
