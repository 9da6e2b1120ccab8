package com.bourse.backoffice.security;

import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.BalanceLine;
import com.bourse.backoffice.store.DayReport;
import com.bourse.backoffice.store.DayReports;
import com.bourse.backoffice.store.LedgerRepository;
import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.backoffice.store.Statement;
import com.bourse.backoffice.store.TradeLine;
import com.bourse.backoffice.store.TradeRepository;
import com.bourse.backoffice.store.TransferEventLine;
import com.bourse.backoffice.store.TransferLine;
import com.bourse.backoffice.store.TransferRepository;
import com.bourse.backoffice.store.TransferWithHistory;
import com.bourse.protocol.Role;
import com.bourse.protocol.TransferState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The books as the back-office desk reads them: every account's balances, movements, statements, trades and
 * the day report, for a signed-in BACK_OFFICE or ADMIN user only. The engine refuses commands by role; this is
 * the same rule for reads, at the store's boundary, so a desk cannot show a trader the whole house's books by
 * forgetting to check. Thread-safe.
 */
public final class BackOfficeReads {
    private final ReferenceDataRepository reference;
    private final LedgerRepository ledger;
    private final TransferRepository transfers;
    private final TradeRepository trades;
    private final DayReports dayReports;

    public BackOfficeReads(ReferenceDataRepository reference, LedgerRepository ledger, TransferRepository transfers,
                           TradeRepository trades, DayReports dayReports) {
        this.reference = reference;
        this.ledger = ledger;
        this.transfers = transfers;
        this.trades = trades;
        this.dayReports = dayReports;
    }

    /** Refuses anyone but the back office and administrators, before anything is read. */
    static void check(Session who) {
        Objects.requireNonNull(who, "a signed-in session");
        if (!who.has(Role.BACK_OFFICE) && !who.has(Role.ADMIN)) {
            throw new ReadRefusedException(who);
        }
    }

    public List<AccountLine> accounts(Session who) {
        check(who);
        return reference.accounts();
    }

    public Optional<AccountLine> account(Session who, long accountId) {
        check(who);
        return reference.account(accountId);
    }

    public List<BalanceLine> balances(Session who, long accountId) {
        check(who);
        return ledger.balances(accountId);
    }

    public Statement statement(Session who, long accountId, String asset, LocalDate from, LocalDate to) {
        check(who);
        return ledger.statement(accountId, asset, from, to);
    }

    public List<TransferLine> movementsInState(Session who, TransferState state, Page page) {
        check(who);
        return transfers.inState(state, page);
    }

    public List<TransferWithHistory> movementsInStateWithHistory(Session who, TransferState state, Page page) {
        check(who);
        return transfers.inStateWithHistory(state, page);
    }

    public List<TransferLine> payments(Session who, Page page) {
        check(who);
        return transfers.payments(page);
    }

    public List<TransferEventLine> movementHistory(Session who, long transferId) {
        check(who);
        return transfers.history(transferId);
    }

    public List<TradeLine> trades(Session who, long instrumentId, Instant from, Instant to, Page page) {
        check(who);
        return trades.trades(instrumentId, from, to, page);
    }

    public DayReport dayReport(Session who, LocalDate tradeDate, Collection<Long> instrumentIds) {
        check(who);
        return dayReports.of(tradeDate, instrumentIds);
    }

    /** A read of the back office's books by someone without the role for it. */
    public static final class ReadRefusedException extends SecurityException {
        ReadRefusedException(Session who) {
            super(who.username() + " (" + who.roles() + ") may not read the back office's books: BACK_OFFICE or ADMIN"
                    + " only");
        }
    }
}
