package com.bourse.engine;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Role;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2IntHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the engine knows, shared by its stages. Lookup maps are never iterated (their order depends
 * on history); the lists give the deterministic order for walks and snapshots. Engine thread only.
 */
final class EngineState {
    static final long EXTERNAL_ACCOUNT_ID = -1;

    final EngineConfig config;
    final Long2LongHashMap userRoles = new Long2LongHashMap(-1);
    final List<Long> userIds = new ArrayList<>();
    final Object2IntHashMap<String> assetIndex = new Object2IntHashMap<>(-1);
    final List<String> assetCodes = new ArrayList<>();
    final Object2IntHashMap<String> currencyDigits = new Object2IntHashMap<>(-1);
    final List<Currency> currencies = new ArrayList<>();
    final Long2ObjectHashMap<InstrumentState> instruments = new Long2ObjectHashMap<>();
    final List<InstrumentState> instrumentList = new ArrayList<>();
    final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    final List<Account> accountList = new ArrayList<>();
    /** Derived from the accounts (rebuilt on restore, never written): the first account each owner opened. */
    private final Long2ObjectHashMap<Account> firstAccountOfOwner = new Long2ObjectHashMap<>();
    final Account external;
    /** Working orders by account and client order id (unique per account only). */
    final WorkingOrders liveOrders;
    final Long2ObjectHashMap<Transfer> transfers = new Long2ObjectHashMap<>();
    final List<Transfer> transferList = new ArrayList<>();
    final OrderPool pool = new OrderPool();
    long[] assetTotals = new long[0];

    long tradeSeq;
    long journalSeq;
    long entrySeq;
    long prioritySeq;

    EventSink sink = EventSink.NONE;
    /** Brackets whose entry stopped working during the current command: their target and stop, entered after it. */
    final java.util.ArrayDeque<com.bourse.protocol.Command.PlaceOco> dueBrackets = new java.util.ArrayDeque<>();
    /** Business time of the command being applied. */
    long now;

    EngineState(EngineConfig config) {
        this.config = config;
        this.liveOrders = new WorkingOrders(config.expectedLiveOrders());
        this.pool.preallocate(config.expectedLiveOrders());
        this.external = new Account(EXTERNAL_ACCOUNT_ID, Command.SYSTEM_USER, "", null,
                config.defaultLimits(), 0, true, config.surveillance());
    }

    /** Roles of a user as a mask, all of them for the system user, -1 when unknown. */
    int roles(long userId) {
        if (userId == Command.SYSTEM_USER) {
            return Role.mask(Role.values());
        }
        return (int) userRoles.get(userId);
    }

    boolean has(long userId, Role role) {
        int roles = roles(userId);
        return roles >= 0 && role.in(roles);
    }

    /**
     * Registers a customer account. When its owner (a person, not the system) already has an account, all of
     * them are marked so orders between them are checked for wash trades; an owner with one account costs nothing.
     */
    void addAccount(Account account) {
        accounts.put(account.accountId, account);
        accountList.add(account);
        if (account.ownerUserId == Command.SYSTEM_USER) {
            return;
        }
        Account first = firstAccountOfOwner.putIfAbsent(account.ownerUserId, account);
        if (first != null) {
            // Marking the first and each later one marks them all, with no walk over the accounts.
            first.ownerHasOtherAccounts = true;
            account.ownerHasOtherAccounts = true;
        }
    }

    int addAsset(String code) {
        int index = assetCodes.size();
        assetCodes.add(code);
        assetIndex.put(code, index);
        assetTotals = java.util.Arrays.copyOf(assetTotals, index + 1);
        external.growAssets(index + 1);
        for (Account account : accountList) {
            account.growAssets(index + 1);
        }
        return index;
    }
}
