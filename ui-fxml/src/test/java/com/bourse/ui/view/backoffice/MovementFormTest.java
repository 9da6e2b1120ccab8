package com.bourse.ui.view.backoffice;

import com.bourse.protocol.ErrorCode;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MovementFormTest {
    private final AtomicLong ids = new AtomicLong(500);
    private final MovementForm form = new MovementForm(Map.of("EUR", 2, "JPY", 0), ids::incrementAndGet);
    private final AccountSummary alice = new AccountSummary(1001, "Alice EUR", 2, "Alice Martin", "EUR",
            AccountSummary.Status.ACTIVE);
    private final AccountSummary bob = new AccountSummary(1002, "Bob EUR", 3, "Bob Keller", "EUR",
            AccountSummary.Status.ACTIVE);
    /** Alice has 1,000.00 EUR of which 200.00 is held: 800.00 available. */
    private final AccountDetail alicePage = new AccountDetail(alice, List.of(new AccountDetail.Cash("EUR", 100_000,
            20_000)), List.of(), List.of(), List.of(), List.of());

    private MovementForm.Check check(MovementKind kind, String amount) {
        return form.check(new MovementForm.Input(kind, alice, bob, "EUR", amount, "", "Invoice 7"), alicePage);
    }

    @Test
    void withdrawalAboveWhatIsAvailableIsRefusedInTheEnginesWords() {
        MovementForm.Check check = check(MovementKind.WITHDRAWAL, "800.01");

        assertThat(check.ok()).isFalse();
        assertThat(check.error(MovementForm.Field.AMOUNT))
                .startsWith(ErrorCode.INSUFFICIENT_BALANCE.description()).contains("800.00 EUR available");
    }

    @Test
    void withdrawalOfExactlyWhatIsAvailableIsReadyToSendUnderTheShownKey() {
        MovementForm.Check check = check(MovementKind.WITHDRAWAL, "800.00");

        assertThat(check.ok()).isTrue();
        assertThat(check.request().movementId()).isEqualTo(form.movementId());
        assertThat(check.request().fromAccountId()).isEqualTo(1001);
        assertThat(check.request().toAccountId()).isZero();
        assertThat(check.request().amount()).isEqualTo(80_000);
    }

    @Test
    void amountMustBeAboveZeroWithTheCurrencysDecimals() {
        assertThat(check(MovementKind.DEPOSIT, "0").error(MovementForm.Field.AMOUNT)).contains("above zero");
        assertThat(check(MovementKind.DEPOSIT, "1.005").error(MovementForm.Field.AMOUNT)).contains("2 decimals");
        assertThat(check(MovementKind.DEPOSIT, "abc").error(MovementForm.Field.AMOUNT)).contains("Enter a number");
    }

    @Test
    void depositIsNotLimitedByTheBalanceAndCreditsTheChosenAccount() {
        MovementForm.Check check = check(MovementKind.DEPOSIT, "1,000,000.00");

        assertThat(check.ok()).isTrue();
        assertThat(check.request().toAccountId()).isEqualTo(1001);
        assertThat(check.request().fromAccountId()).isZero();
    }

    @Test
    void currencyMustBeOneTheAccountKeeps() {
        MovementForm.Check check = form.check(new MovementForm.Input(MovementKind.WITHDRAWAL, alice, null, "JPY",
                "10", "", ""), alicePage);

        assertThat(check.error(MovementForm.Field.CURRENCY)).isEqualTo("Account 1001 keeps no JPY");
    }

    @Test
    void transferNeedsTwoDifferentAccounts() {
        MovementForm.Check check = form.check(new MovementForm.Input(MovementKind.TRANSFER, alice, alice, "EUR",
                "10", "", ""), alicePage);

        assertThat(check.error(MovementForm.Field.TO)).isEqualTo(ErrorCode.SAME_ACCOUNT.description());
    }

    @Test
    void paymentNeedsAReferenceAndItsFeeCountsAgainstWhatIsAvailable() {
        MovementForm.Check noReference = form.check(new MovementForm.Input(MovementKind.PAYMENT, alice, bob, "EUR",
                "10", "", " "), alicePage);
        assertThat(noReference.error(MovementForm.Field.REFERENCE)).contains("reference");

        MovementForm.Check feeTooMuch = form.check(new MovementForm.Input(MovementKind.PAYMENT, alice, bob, "EUR",
                "795.00", "5.01", "Invoice 7"), alicePage);
        assertThat(feeTooMuch.error(MovementForm.Field.AMOUNT)).startsWith("Not enough available cash");

        MovementForm.Check fits = form.check(new MovementForm.Input(MovementKind.PAYMENT, alice, bob, "EUR",
                "795.00", "5.00", "Invoice 7"), alicePage);
        assertThat(fits.ok()).isTrue();
        assertThat(fits.request().fee()).isEqualTo(500);
        assertThat(fits.request().reference()).isEqualTo("Invoice 7");
    }

    @Test
    void keyIsKeptForARetryUntilTheVenueHasAnsweredAboutIt() {
        long first = form.movementId();

        form.answered(new MovementOutcome.NotSent(first, "the simulation is closed or its inbox is full"));
        assertThat(form.movementId()).as("a movement that never reached the venue is sent again under its key")
                .isEqualTo(first);

        form.answered(new MovementOutcome.Recorded(first, TransferState.PROCESSING, null, false));
        assertThat(form.movementId()).as("the next entry is another movement").isNotEqualTo(first);
    }

    @Test
    void venuesShortfallBelongsBesideTheAmount() {
        assertThat(MovementForm.fieldOf(ErrorCode.INSUFFICIENT_BALANCE)).isEqualTo(MovementForm.Field.AMOUNT);
        assertThat(MovementForm.fieldOf(ErrorCode.NOT_AUTHORIZED)).isNull();
    }
}
