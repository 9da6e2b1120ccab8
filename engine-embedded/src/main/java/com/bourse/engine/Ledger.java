package com.bourse.engine;

/**
 * Double-entry book of every account's assets. Each journal entry posts amounts that sum to zero per asset,
 * so the total over all accounts (the external contra account included) stays zero; holds only earmark
 * funds and never move them. Postings are never changed afterwards: a correction is a new entry.
 * Engine thread only.
 */
final class Ledger {
    private final EngineState state;

    Ledger(EngineState state) {
        this.state = state;
    }

    long newJournal() {
        return ++state.journalSeq;
    }

    void hold(Account account, int asset, long amount) {
        account.held[asset] += amount;
        announce(account, asset, 0, 0);
    }

    void release(Account account, int asset, long amount) {
        if (amount == 0) {
            return;
        }
        account.held[asset] -= amount;
        announce(account, asset, 0, 0);
    }

    /** One leg of a journal entry, releasing {@code heldRelease} of a hold in the same step. */
    void post(long journal, Account account, int asset, long delta, long heldRelease) {
        account.balance[asset] += delta;
        account.held[asset] -= heldRelease;
        state.assetTotals[asset] += delta;
        announce(account, asset, delta, journal);
    }

    /** A complete two-leg entry: {@code amount} moves from one account to the other. */
    void move(Account from, Account to, int asset, long amount, long fromHeldRelease) {
        long journal = newJournal();
        post(journal, from, asset, -amount, fromHeldRelease);
        post(journal, to, asset, amount, 0);
    }

    private void announce(Account account, int asset, long delta, long journal) {
        state.sink.balanceChanged(account.accountId, state.assetCodes.get(asset), delta, account.balance[asset],
                account.held[asset], journal);
    }
}
