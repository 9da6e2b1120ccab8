package com.bourse.ui.model;

import com.bourse.ui.port.ReviewItem;

/** Something the risk officer should hear about even with the queue out of sight (the desk's pop-up notices). */
public sealed interface DeskNotice {

    /** An order or transfer newly held for review (a risk alert the queue now shows). */
    record HeldItem(ReviewItem item) implements DeskNotice {
    }

    /** An account's kill switch engaged or released, by this officer or another. */
    record KillSwitch(long accountId, boolean engaged) implements DeskNotice {
    }
}
