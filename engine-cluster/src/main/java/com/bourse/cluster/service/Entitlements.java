package com.bourse.cluster.service;

import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Role;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Who may see which event, learnt from the events themselves: account owners from {@code AccountOpened}, roles
 * from {@code UserRegistered}, and the account of each working order (for the events that name only an order).
 * Part of the replicated state: every node builds the same tables from the same log and snapshots them.
 *
 * <p>Rules: market data is public; back office (the system user, risk officers, back-office staff and admins)
 * sees everything, payments and the compliance log included; a trader sees the events of accounts they own (a
 * payment's both sides, a compliance line about their account). Service thread only.
 */
final class Entitlements {
    static final long UNKNOWN = Long.MIN_VALUE;

    private final Long2LongHashMap accountOwner = new Long2LongHashMap(UNKNOWN);
    private final Long2LongHashMap userRoles = new Long2LongHashMap(UNKNOWN);
    private final Long2LongHashMap orderAccount = new Long2LongHashMap(UNKNOWN);

    /** Learn what an event adds, before it is routed (so a new account's owner sees its opening). */
    void learn(Event event) {
        switch (event) {
            case Event.AccountOpened e -> accountOwner.put(e.accountId(), e.ownerUserId());
            case Event.UserRegistered e -> userRoles.put(e.userId(), e.roleMask());
            case Event.OrderAccepted e -> orderAccepted(e.orderId(), e.accountId());
            default -> {
            }
        }
    }

    /** Forget orders an event ended, after it is routed. */
    void forget(Event event) {
        switch (event) {
            case Event.OrderCancelled e -> orderEnded(e.orderId());
            case Event.OrderExpired e -> orderEnded(e.orderId());
            case Event.OrderRejected e -> orderEnded(e.orderId());
            case Event.Trade e -> traded(e.makerOrderId(), e.makerLeaves(), e.takerOrderId(), e.takerLeaves());
            default -> {
            }
        }
    }

    // The same learning from the engine's primitive events, which come without a record.

    void orderAccepted(long orderId, long accountId) {
        orderAccount.put(orderId, accountId);
    }

    void orderEnded(long orderId) {
        orderAccount.remove(orderId);
    }

    void traded(long makerOrderId, long makerLeaves, long takerOrderId, long takerLeaves) {
        if (makerLeaves == 0) {
            orderAccount.remove(makerOrderId);
        }
        if (takerLeaves == 0) {
            orderAccount.remove(takerOrderId);
        }
    }

    /** The account's owner, or {@link #UNKNOWN}. */
    long ownerOf(long accountId) {
        return accountOwner.get(accountId);
    }

    boolean isBackOffice(long userId) {
        if (userId == Command.SYSTEM_USER) {
            return true;
        }
        long roles = userRoles.get(userId);
        return roles != UNKNOWN && (Role.RISK_OFFICER.in((int) roles) || Role.BACK_OFFICE.in((int) roles)
                || Role.ADMIN.in((int) roles));
    }

    /** Whether the user reviews every account's held items and kill switches: the system, risk officers, admins. */
    boolean reviewsEveryAccount(long userId) {
        if (userId == Command.SYSTEM_USER) {
            return true;
        }
        long roles = userRoles.get(userId);
        return roles != UNKNOWN && (Role.RISK_OFFICER.in((int) roles) || Role.ADMIN.in((int) roles));
    }

    boolean owns(long userId, long accountId) {
        long owner = accountOwner.get(accountId);
        return owner != UNKNOWN && owner == userId;
    }

    long accountOfOrder(long orderId) {
        return orderAccount.get(orderId);
    }

    /** True for events every session may see. */
    static boolean isPublic(Event event) {
        return event instanceof Event.BookDelta || event instanceof Event.InstrumentStatusChanged
                || event instanceof Event.InstrumentListed || event instanceof Event.CurrencyAdded;
    }

    /** May {@code userId} see the whole of this (non-public) event? */
    boolean maySee(long userId, Event event) {
        if (isBackOffice(userId)) {
            return true;
        }
        return switch (event) {
            case Event.OrderAccepted e -> owns(userId, e.accountId());
            case Event.OrderRejected e -> owns(userId, e.accountId());
            case Event.OrderHeld e -> owns(userId, e.accountId());
            // Client order ids are unique per account only: the event's account decides (the order's last
            // known account only for an event that names none).
            case Event.OrderApproved e -> owns(userId,
                    e.accountId() != 0 ? e.accountId() : accountOfOrder(e.orderId()));
            case Event.OrderTriggered e -> owns(userId,
                    e.accountId() != 0 ? e.accountId() : accountOfOrder(e.orderId()));
            case Event.Trade e -> owns(userId, e.makerAccountId()) || owns(userId, e.takerAccountId());
            case Event.OrderCancelled e -> owns(userId, e.accountId());
            case Event.OrderReplaced e -> owns(userId, e.accountId());
            case Event.OrderExpired e -> owns(userId, e.accountId());
            case Event.OcoLinked e -> owns(userId, e.accountId());
            case Event.BalanceChanged e -> owns(userId, e.accountId());
            case Event.TransferStateChanged e -> owns(userId, e.fromAccountId()) || owns(userId, e.toAccountId());
            case Event.PaymentProcessed e -> owns(userId, e.fromAccountId()) || owns(userId, e.toAccountId());
            case Event.RiskAlert e -> owns(userId, e.accountId());
            case Event.ComplianceViolation e -> owns(userId, e.accountId());
            case Event.KillSwitchChanged e -> owns(userId, e.accountId());
            case Event.RiskLimitsChanged e -> owns(userId, e.accountId());
            case Event.AccountOpened e -> e.ownerUserId() == userId;
            case Event.UserRegistered e -> e.userId() == userId;
            case Event.BookDelta e -> true;
            case Event.InstrumentStatusChanged e -> true;
            case Event.InstrumentListed e -> true;
            case Event.CurrencyAdded e -> true;
            case Event.CommandRejected e -> false;
        };
    }

    void write(DataOutputStream out) throws IOException {
        writeMap(out, accountOwner);
        writeMap(out, userRoles);
        writeMap(out, orderAccount);
    }

    void read(DataInputStream in) throws IOException {
        readMap(in, accountOwner);
        readMap(in, userRoles);
        readMap(in, orderAccount);
    }

    /** Sorted by key so equal tables give equal snapshot bytes whatever their insertion history. */
    static void writeMap(DataOutputStream out, Long2LongHashMap map) throws IOException {
        long[] keys = new long[map.size()];
        int[] i = {0};
        map.longForEach((key, value) -> keys[i[0]++] = key);
        Arrays.sort(keys);
        out.writeInt(keys.length);
        for (long key : keys) {
            out.writeLong(key);
            out.writeLong(map.get(key));
        }
    }

    static void readMap(DataInputStream in, Long2LongHashMap map) throws IOException {
        map.clear();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            map.put(in.readLong(), in.readLong());
        }
    }
}
