package com.bourse.ui.model;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.TransferState;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.RiskSnapshot;
import com.bourse.ui.port.RiskSnapshot.RiskAccount;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The risk officer's desk as the screen shows it: the approval queue (oldest first), every account with its
 * limits and kill switch, the halted instruments. It starts from the desk's snapshot, then follows the feed one
 * frame at a time: an alert becomes a queue line (described from the venue's state), a decision, cancel or
 * expiry ends one, control events update the accounts. The officer's own commands are remembered until the
 * venue answers, so a refusal (four eyes, a role, a stale order) is said in the officer's words.
 *
 * <p>FX thread only, except {@link #inbox()} (venue thread) and the completions of descriptions (any thread,
 * queued for the next frame).
 */
public final class ReviewQueue {
    private final RiskDesk desk;
    private final Consumer<String> say;
    private final RiskInbox inbox = new RiskInbox();
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final Map<String, ReviewItem> byKey = new HashMap<>();
    private final ObservableList<RiskAccount> accounts = FXCollections.observableArrayList();
    private final Map<Long, RiskAccount> accountsById = new LinkedHashMap<>();
    private final ObservableSet<Long> halted = FXCollections.observableSet(new HashSet<>());
    private final Map<Long, String> users = new HashMap<>();
    /** Alerts being described: key to whether the subject ended meanwhile. */
    private final Map<String, Boolean> describing = new HashMap<>();
    private final ConcurrentLinkedQueue<Map.Entry<String, Optional<ReviewItem>>> described =
            new ConcurrentLinkedQueue<>();
    /** What the officer asked that the venue has not answered yet: the id it names to the words for it. */
    private final Map<Long, String> expecting = new HashMap<>();
    /**
     * A frame's changes to the queue, applied to {@link #items} in one change each at the frame's end: the table
     * then lays out once per frame, not once per alert or decision, however many arrive in a burst.
     */
    private final Map<String, ReviewItem> arriving = new LinkedHashMap<>();
    private final Set<ReviewItem> leaving = new HashSet<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final IntegerProperty unseen = new SimpleIntegerProperty(this, "unseen");
    private boolean loaded;
    private Consumer<DeskNotice> notices = notice -> { };

    public ReviewQueue(RiskDesk desk, Consumer<String> say) {
        this.desk = desk;
        this.say = say;
    }

    /** Where the desk's feed goes (venue thread). */
    public RiskInbox inbox() {
        return inbox;
    }

    public void load(RiskSnapshot snapshot) {
        items.clear();
        byKey.clear();
        List<ReviewItem> held = new ArrayList<>(snapshot.held());
        held.sort(Comparator.comparingLong(ReviewItem::raisedAt).thenComparingLong(ReviewItem::subjectId));
        arriving.clear();
        leaving.clear();
        for (ReviewItem item : held) {
            add(item);
        }
        publish();
        accountsById.clear();
        for (RiskAccount account : snapshot.accounts()) {
            accountsById.put(account.accountId(), account);
        }
        accounts.setAll(accountsById.values());
        halted.clear();
        halted.addAll(snapshot.haltedInstruments());
        users.clear();
        users.putAll(snapshot.users());
        loaded = true;
        unseen.set(0);
    }

    /** Applies what the feed and the descriptions brought since the last frame. */
    public void onFrame() {
        if (!loaded) {
            return;
        }
        inbox.drain(this::apply);
        for (Map.Entry<String, Optional<ReviewItem>> done; (done = described.poll()) != null; ) {
            String key = done.getKey();
            Optional<ReviewItem> item = done.getValue();
            boolean ended = Boolean.TRUE.equals(describing.remove(key));
            if (item.isPresent() && !ended && !byKey.containsKey(key)) {
                add(item.get());
                unseen.set(unseen.get() + 1);
                notices.accept(new DeskNotice.HeldItem(item.get()));
            }
        }
        publish();
    }

    /** The frame's arrivals and departures onto the list the table shows, one change each. */
    private void publish() {
        if (!leaving.isEmpty()) {
            items.removeAll(leaving);
            leaving.clear();
        }
        if (!arriving.isEmpty()) {
            items.addAll(arriving.values());
            arriving.clear();
        }
        count.set(byKey.size());
    }

    private void apply(Object event) {
        switch (event) {
            case RiskInbox.Resync r -> {
                // Alerts being described were heard before the gap: the new snapshot has what is still held.
                describing.replaceAll((key, ended) -> true);
                int unseenBefore = unseen.get();
                load(r.snapshot());
                unseen.set(unseenBefore);
                say.accept("Reconnected to the venue: the queue, accounts and halts reloaded");
            }
            case RiskInbox.NotSent n -> {
                String asked = expecting.remove(refId(n.command()));
                say.accept((asked != null ? asked : n.command().getClass().getSimpleName()) + " was not sent: "
                        + n.reason());
            }
            case RiskInbox.Alert a -> {
                String key = a.alert().subject().name() + ":" + a.alert().subjectId();
                if (byKey.containsKey(key) || describing.containsKey(key)) {
                    return;
                }
                describing.put(key, false);
                desk.describe(a.alert(), a.transfer()).whenComplete((item, failure) -> {
                    described.add(Map.entry(key, failure == null ? item : Optional.empty()));
                });
            }
            case Event.OrderApproved e -> {
                end(ReviewSubject.ORDER, e.orderId());
                answered(e.orderId(), null);
            }
            case Event.OrderRejected e -> {
                end(ReviewSubject.ORDER, e.orderId());
                answered(e.orderId(), e.reason() == ErrorCode.REJECTED_BY_RISK_OFFICER ? null : e.reason());
            }
            case Event.OrderCancelled e -> {
                end(ReviewSubject.ORDER, e.orderId());
                if (e.reason() == CancelReason.RISK_OFFICER) {
                    answered(e.orderId(), null);
                }
            }
            case Event.OrderExpired e -> end(ReviewSubject.ORDER, e.orderId());
            case Event.TransferStateChanged e -> {
                end(ReviewSubject.TRANSFER, e.transferId());
                answered(e.transferId(), e.state() == TransferState.FAILED
                        && e.reason() != ErrorCode.REJECTED_BY_RISK_OFFICER ? e.reason() : null);
            }
            case Event.KillSwitchChanged e -> {
                update(e.accountId(), a -> a.withKillSwitch(e.engaged()));
                answered(e.accountId(), null);
                notices.accept(new DeskNotice.KillSwitch(e.accountId(), e.engaged()));
            }
            case Event.RiskLimitsChanged e -> {
                update(e.accountId(), a -> a.withLimits(e.limits()));
                answered(e.accountId(), null);
            }
            case Event.InstrumentStatusChanged e -> {
                if (e.halted()) {
                    halted.add(e.instrumentId());
                } else {
                    halted.remove(e.instrumentId());
                }
                answered(e.instrumentId(), null);
            }
            case Event.AccountOpened e -> {
                if (!accountsById.containsKey(e.accountId())) {
                    accountsById.put(e.accountId(), new RiskAccount(e.accountId(), "Account " + e.accountId(),
                            e.ownerUserId(), e.baseCurrency(), RiskLimits.defaults(), false));
                    accounts.setAll(accountsById.values());
                }
            }
            case Event.CommandRejected e -> answered(e.refId(), e.reason());
            default -> {
            }
        }
    }

    private void add(ReviewItem item) {
        byKey.put(item.key(), item);
        arriving.put(item.key(), item);
    }

    private void end(ReviewSubject subject, long id) {
        String key = subject.name() + ":" + id;
        if (describing.containsKey(key)) {
            describing.put(key, true);
        }
        ReviewItem item = byKey.remove(key);
        if (item != null && arriving.remove(key) == null) {
            leaving.add(item);
        }
    }

    private void update(long accountId, java.util.function.UnaryOperator<RiskAccount> change) {
        RiskAccount account = accountsById.get(accountId);
        if (account == null) {
            return;
        }
        RiskAccount changed = change.apply(account);
        accountsById.put(accountId, changed);
        int at = accounts.indexOf(account);
        if (at >= 0) {
            accounts.set(at, changed);
        }
    }

    private void answered(long refId, ErrorCode refusal) {
        String asked = expecting.remove(refId);
        if (asked == null) {
            return;
        }
        say.accept(refusal == null ? asked + ": done" : asked + " refused by the venue: " + refusal.description());
    }

    // ---- Four eyes ------------------------------------------------------------------------------

    /** Why the signed-in officer may not approve {@code item}, or null when they may. */
    public String approvalBlock(ReviewItem item) {
        long me = desk.officer().userId();
        if (item.userId() == me) {
            return "You entered this " + noun(item) + ": another officer must approve it (four eyes)";
        }
        if (item.ownerUserId() == me) {
            return "This " + noun(item) + " is on your own account: another officer must approve it (four eyes)";
        }
        return null;
    }

    // ---- The officer's commands ---------------------------------------------------------------------

    /** Sends an approval (the venue checks four eyes again); returns why nothing was sent, or null. */
    public String approve(ReviewItem item) {
        return send(new Command.Approve(desk.now(), desk.officer().userId(), item.subject(), item.subjectId()),
                item.subjectId(), "Approve " + describe(item));
    }

    /** Sends a rejection; a reason is required. Returns why nothing was sent, or null. */
    public String reject(ReviewItem item, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return "A rejection needs a reason the trader will see";
        }
        if (why.length() > 1_000) {
            return "The reason is too long (at most 1,000 characters)";
        }
        return send(new Command.Reject(desk.now(), desk.officer().userId(), item.subject(), item.subjectId(), why),
                item.subjectId(), "Reject " + describe(item));
    }

    public String killSwitch(long accountId, boolean engage) {
        long now = desk.now();
        long officer = desk.officer().userId();
        return send(engage ? new Command.EngageKillSwitch(now, officer, accountId)
                        : new Command.ReleaseKillSwitch(now, officer, accountId), accountId,
                (engage ? "Kill switch on account " : "Release of the kill switch on account ") + accountId);
    }

    public String halt(long instrumentId, String symbol, boolean halt) {
        long now = desk.now();
        long officer = desk.officer().userId();
        return send(halt ? new Command.HaltInstrument(now, officer, instrumentId)
                        : new Command.ResumeInstrument(now, officer, instrumentId), instrumentId,
                (halt ? "Halt of " : "Resumption of ") + symbol);
    }

    /** Cancels working orders of one account (0: every account) in one instrument (0: any). */
    public String massCancel(long accountId, long instrumentId, String what) {
        return send(new Command.MassCancel(desk.now(), desk.officer().userId(), accountId, instrumentId),
                accountId != 0 ? accountId : instrumentId, "Mass cancel of " + what);
    }

    public String setLimits(long accountId, RiskLimits limits) {
        if (limits == null || !limits.isValid()) {
            return ErrorCode.INVALID_CONFIGURATION.description();
        }
        return send(new Command.SetRiskLimits(desk.now(), desk.officer().userId(), accountId, limits), accountId,
                "New limits for account " + accountId);
    }

    /** The id a command's answer names: its subject, account or instrument, as {@link #send} remembers it. */
    private static long refId(Command command) {
        return switch (command) {
            case Command.Approve c -> c.subjectId();
            case Command.Reject c -> c.subjectId();
            case Command.EngageKillSwitch c -> c.accountId();
            case Command.ReleaseKillSwitch c -> c.accountId();
            case Command.HaltInstrument c -> c.instrumentId();
            case Command.ResumeInstrument c -> c.instrumentId();
            case Command.MassCancel c -> c.accountId() != 0 ? c.accountId() : c.instrumentId();
            case Command.SetRiskLimits c -> c.accountId();
            default -> 0;
        };
    }

    private String send(Command command, long refId, String words) {
        if (!desk.submit(command)) {
            String why = words + " was not sent: the session refused it or the venue is not reachable";
            say.accept(why);
            return why;
        }
        expecting.put(refId, words);
        return null;
    }

    public String describe(ReviewItem item) {
        return (item.subject() == ReviewSubject.ORDER ? "order " : "transfer ") + item.subjectId();
    }

    private static String noun(ReviewItem item) {
        return item.subject() == ReviewSubject.ORDER ? "order" : "transfer";
    }

    // ---- What the views read ------------------------------------------------------------------------

    public ObservableList<ReviewItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Items that arrived since the officer last {@link #markSeen() looked}. */
    public IntegerProperty unseenProperty() {
        return unseen;
    }

    /** Who hears of new held items and kill switch changes as they are applied (a snapshot's load is not news). */
    public void onNotice(Consumer<DeskNotice> listener) {
        this.notices = java.util.Objects.requireNonNull(listener, "listener");
    }

    public void markSeen() {
        unseen.set(0);
    }

    public ObservableList<RiskAccount> accounts() {
        return accounts;
    }

    public Optional<RiskAccount> account(long accountId) {
        return Optional.ofNullable(accountsById.get(accountId));
    }

    public ObservableSet<Long> halted() {
        return halted;
    }

    public String userName(long userId) {
        return users.getOrDefault(userId, "user " + userId);
    }

    public boolean isLoaded() {
        return loaded;
    }

    public RiskDesk desk() {
        return desk;
    }
}
