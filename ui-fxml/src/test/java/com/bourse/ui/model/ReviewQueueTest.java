package com.bourse.ui.model;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.ControlImpact;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.RiskFeed;
import com.bourse.ui.port.RiskSnapshot;
import com.bourse.ui.port.TraderIdentity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Four eyes as the officer's queue applies it before the venue judges again. */
class ReviewQueueTest {
    private static final long VICTOR = 5;
    private static final long ALICE = 2;

    private final RecordingDesk desk = new RecordingDesk();
    private final List<String> said = new ArrayList<>();
    private final ReviewQueue queue = new ReviewQueue(desk, said::add);

    private static ReviewItem heldOrder(long orderId, long enteredBy, long owner) {
        return new ReviewItem(ReviewSubject.ORDER, orderId, 1004, enteredBy, owner, 1, Side.BUY, 700, 150_00,
                10_500_000, "EUR", "", 8_500, 6_000, 1_000, 1_500, ErrorCode.LARGE_AMOUNT, 0, 1_000);
    }

    private void given(ReviewItem... held) {
        queue.load(new RiskSnapshot(List.of(held), List.of(), Set.of(), Map.of(VICTOR, "Victor Lang")));
    }

    @Test
    void anOrderTheOfficerEnteredCannotBeApprovedByThemAndTheReasonSaysWhy() {
        ReviewItem own = heldOrder(77, VICTOR, VICTOR);
        given(own);

        assertThat(queue.items()).containsExactly(own);
        assertThat(queue.approvalBlock(own))
                .isEqualTo("You entered this order: another officer must approve it (four eyes)");
    }

    @Test
    void anOrderOnTheOfficersOwnAccountCannotBeApprovedByThemEvenIfSomeoneElseEnteredIt() {
        ReviewItem onMyAccount = heldOrder(78, ALICE, VICTOR);
        given(onMyAccount);

        assertThat(queue.approvalBlock(onMyAccount))
                .isEqualTo("This order is on your own account: another officer must approve it (four eyes)");
    }

    @Test
    void anotherTradersOrderMayBeApproved() {
        ReviewItem alices = heldOrder(79, ALICE, ALICE);
        given(alices);

        assertThat(queue.approvalBlock(alices)).isNull();
    }

    @Test
    void aSelfApprovalSentAnywayIsRefusedByTheVenueAndSaidInTheOfficersWordsAndTheItemStaysHeld() {
        ReviewItem own = heldOrder(77, VICTOR, VICTOR);
        given(own);

        assertThat(queue.approve(own)).isNull();
        assertThat(desk.submitted).containsExactly(new Command.Approve(desk.now(), VICTOR, ReviewSubject.ORDER, 77));
        queue.inbox().onEvent(new Event.CommandRejected(77, ErrorCode.FOUR_EYES_VIOLATION));
        queue.onFrame();

        assertThat(said).containsExactly("Approve order 77 refused by the venue: "
                + ErrorCode.FOUR_EYES_VIOLATION.description());
        assertThat(queue.items()).containsExactly(own);
        assertThat(queue.countProperty().get()).isEqualTo(1);
    }

    @Test
    void aCommandRefusedOnItsWayToTheVenueIsSaidInTheOfficersWordsAndTheItemStaysHeld() {
        ReviewItem alices = heldOrder(79, ALICE, ALICE);
        given(alices);
        queue.approve(alices);

        // A live desk sends on a worker: the session's check refuses the command after submit took it.
        queue.inbox().notSent(desk.submitted.getFirst(), "your session has ended; sign in again");
        queue.onFrame();

        assertThat(said).containsExactly("Approve order 79 was not sent: your session has ended; sign in again");
        assertThat(queue.items()).containsExactly(alices);
    }

    @Test
    void afterTheVenueReconnectsTheDeskShowsTheNewSnapshotAndWhatFollowsIt() {
        ReviewItem decidedDuringTheGap = heldOrder(80, ALICE, ALICE);
        ReviewItem heldDuringTheGap = heldOrder(81, ALICE, ALICE);
        given(decidedDuringTheGap);

        queue.inbox().resynced(new RiskSnapshot(List.of(heldDuringTheGap), List.of(), Set.of(3L), Map.of()));
        queue.inbox().onEvent(new Event.InstrumentStatusChanged(4, true));
        queue.onFrame();

        assertThat(queue.items()).containsExactly(heldDuringTheGap);
        assertThat(queue.halted()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(said).containsExactly("Reconnected to the venue: the queue, accounts and halts reloaded");
    }

    /** A desk that hands out nothing and records what the officer sends. */
    private static final class RecordingDesk implements RiskDesk {
        final List<Command> submitted = new ArrayList<>();

        @Override
        public TraderIdentity officer() {
            return new TraderIdentity(VICTOR, "victor", "Victor Lang", Role.mask(Role.RISK_OFFICER));
        }

        @Override
        public CompletableFuture<RiskSnapshot> connect(RiskFeed feed) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Optional<ReviewItem>> describe(Event.RiskAlert alert,
                                                                Event.TransferStateChanged transfer) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<AccountExposure> exposure(long accountId) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ControlImpact> impact(List<Long> accountIds, long instrumentId) {
            return new CompletableFuture<>();
        }

        @Override
        public long now() {
            return 1_700_000_000_000L;
        }

        @Override
        public boolean submit(Command command) {
            submitted.add(command);
            return true;
        }

        @Override
        public void close() {
        }
    }
}
