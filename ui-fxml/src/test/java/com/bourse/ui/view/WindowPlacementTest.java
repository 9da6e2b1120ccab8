package com.bourse.ui.view;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 3840, 1080);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void aNewWindowGoesToTheRightOfThePreviousWhenTheScreenHasRoom() {
        Rectangle2D placed = WindowPlacement.beside(new Rectangle2D(100, 50, 1440, 900), 1440, 900, WIDE);

        assertThat(placed.getMinX()).isEqualTo(1540);
        assertThat(placed.getMinY()).isEqualTo(50);
    }

    @Test
    void itGoesToTheLeftWhenOnlyTheLeftHasRoom() {
        Rectangle2D placed = WindowPlacement.beside(new Rectangle2D(1000, 0, 900, 700), 900, 700, FULL_HD);

        assertThat(placed.getMinX()).isEqualTo(100);
    }

    @Test
    void withoutRoomBesideItIsSteppedSoNeitherWindowHidesTheOther() {
        Rectangle2D previous = new Rectangle2D(240, 90, 1440, 900);

        Rectangle2D placed = WindowPlacement.beside(previous, 1440, 900, FULL_HD);

        assertThat(WindowPlacement.onTopOf(placed, previous)).isFalse();
        assertThat(FULL_HD.contains(placed)).isTrue();
    }

    @Test
    void aScreenFillingWindowStillGetsANeighbourThatIsNotOnTopOfIt() {
        Rectangle2D placed = WindowPlacement.beside(FULL_HD, 1920, 1080, FULL_HD);

        assertThat(WindowPlacement.onTopOf(placed, FULL_HD)).isFalse();
        assertThat(FULL_HD.contains(placed)).isTrue();
    }
}
