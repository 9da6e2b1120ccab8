-- Projections of the engine's events. Every row is derived from the command journal and can be rebuilt
-- from it; times are the commands' business times in epoch milliseconds, never the clock of the writer.

-- How far each projection has got in the journal. Rows and their mark commit in one transaction.
create table projection_mark (
    projection varchar(32) not null primary key,
    last_seq   bigint      not null
);

-- One row per PlaceOrder command (entry_seq is its journal sequence), accepted or rejected at entry.
create table orders (
    entry_seq        bigint      not null primary key,
    order_id         bigint      not null,
    account_id       bigint      not null,
    instrument_id    bigint      not null,
    user_id          bigint      not null,
    side             varchar(4),
    order_type       varchar(10),
    time_in_force    varchar(3),
    price            bigint      not null,
    stop_price       bigint      not null,
    quantity         bigint      not null,
    display_quantity bigint      not null,
    post_only        boolean     not null,
    status           varchar(16) not null,
    leaves           bigint      not null,
    filled_quantity  bigint      not null,
    reason           varchar(40),
    entered_at       bigint      not null,
    trade_date       date        not null,
    updated_at       bigint      not null,
    -- The order's first step (ACCEPTED, or REJECTED at entry) as it was: order_events does not repeat it.
    entry_kind       varchar(8)  not null,
    entry_event_id   bigint      not null,
    entry_price      bigint      not null,
    entry_quantity   bigint      not null
);
create index orders_by_account_day on orders (account_id, trade_date, entry_seq);
create index orders_by_order_id on orders (order_id, account_id);

-- Every state change of an order except its entry (on the order row) and its fills (on the trade row): an
-- order's full history is these rows, that entry and those fills, by event_id (OrderRepository.history).
-- Ids run in journal order; a single-column key is H2's row key, so the table needs no second index to stay
-- unique.
create table order_events (
    event_id       bigint      not null primary key,
    seq            bigint      not null,
    entry_seq      bigint      not null,
    order_id       bigint      not null,
    account_id     bigint      not null,
    kind           varchar(16) not null,
    price          bigint      not null,
    quantity       bigint      not null,
    leaves         bigint      not null,
    reason         varchar(40),
    trade_id       bigint,
    acting_user_id bigint      not null,
    at             bigint      not null
);
create index order_events_by_order on order_events (entry_seq, event_id);

create table trades (
    trade_id         bigint     not null primary key,
    seq              bigint     not null,
    instrument_id    bigint     not null,
    price            bigint     not null,
    quantity         bigint     not null,
    taker_side       varchar(4) not null,
    maker_order_id   bigint     not null,
    taker_order_id   bigint     not null,
    maker_account_id bigint     not null,
    taker_account_id bigint     not null,
    executed_at      bigint     not null,
    trade_date       date       not null,
    -- Each side's FILL step: its order (entry_seq), its order_events id and the order's leaves after it.
    maker_entry_seq  bigint     not null,
    maker_event_id   bigint     not null,
    maker_leaves     bigint     not null,
    taker_entry_seq  bigint     not null,
    taker_event_id   bigint     not null,
    taker_leaves     bigint     not null,
    acting_user_id   bigint     not null,
    -- The trade's settlement, stored once: its ledger legs are not repeated as postings rows. They post in this
    -- order, under consecutive posting ids from first_posting_id: buyer's cash -cash and seller's cash +cash
    -- (both absent when cash is 0), buyer's position +quantity, seller's position -quantity. A settlement of
    -- any other shape goes to postings and leaves these null. LedgerRepository.statement reads both.
    buyer_account_id      bigint      not null,
    seller_account_id     bigint      not null,
    journal_id            bigint,
    first_posting_id      bigint,
    currency              varchar(64),
    security              varchar(64),
    cash                  bigint,
    buyer_cash_after      bigint,
    seller_cash_after     bigint,
    buyer_position_after  bigint,
    seller_position_after bigint
);
create index trades_by_instrument_time on trades (instrument_id, executed_at, trade_id);
create index trades_by_maker_order on trades (maker_entry_seq);
create index trades_by_taker_order on trades (taker_entry_seq);
-- A statement's trade legs: by account and time, the asset is checked on the row.
create index trades_by_buyer on trades (buyer_account_id, executed_at);
create index trades_by_seller on trades (seller_account_id, executed_at);

-- Cash balances and security positions (is_security) per account, the external contra account (-1) included.
create table balances (
    account_id  bigint       not null,
    asset       varchar(64)  not null,
    is_security boolean      not null,
    balance     bigint       not null,
    held        bigint       not null,
    updated_at  bigint       not null,
    last_seq    bigint       not null,
    primary key (account_id, asset)
);

-- Every ledger posting (non-zero delta) but the legs of trades, which their trade row carries; a statement is
-- these rows and those legs between two dates.
create table postings (
    posting_id    bigint      not null primary key,
    seq           bigint      not null,
    journal_id    bigint      not null,
    account_id    bigint      not null,
    asset         varchar(64) not null,
    delta         bigint      not null,
    balance_after bigint      not null,
    ref_kind      varchar(10) not null,
    ref_id        bigint      not null,
    posted_at     bigint      not null
);
create index postings_by_account on postings (account_id, asset, posted_at, posting_id);

-- Positions as they stood when each trading day was closed by an EndOfDay command.
create table eod_positions (
    trade_date  date        not null,
    account_id  bigint      not null,
    asset       varchar(64) not null,
    quantity    bigint      not null,
    closed_at   bigint      not null,
    primary key (trade_date, account_id, asset)
);

-- Deposits and withdrawals (payments to and from outside) and internal transfers.
create table transfers (
    transfer_id     bigint      not null primary key,
    kind            varchar(10) not null,
    from_account_id bigint      not null,
    to_account_id   bigint      not null,
    asset           varchar(64) not null,
    amount          bigint      not null,
    state           varchar(12) not null,
    reason          varchar(40),
    requested_by    bigint      not null,
    requested_at    bigint      not null,
    updated_at      bigint      not null
);
create index transfers_by_state on transfers (state, transfer_id);

create table transfer_events (
    event_id       bigint      not null primary key,
    seq            bigint      not null,
    transfer_id    bigint      not null,
    state          varchar(12) not null,
    reason         varchar(40),
    acting_user_id bigint      not null,
    at             bigint      not null
);
create index transfer_events_by_transfer on transfer_events (transfer_id, event_id);

-- Orders and transfers the risk evaluator flagged, and what an officer decided.
create table risk_alerts (
    alert_id       bigint        not null primary key,
    seq            bigint        not null,
    subject        varchar(8)    not null,
    subject_id     bigint        not null,
    account_id     bigint        not null,
    score_bps      int           not null,
    amount_bps     int           not null,
    frequency_bps  int           not null,
    pattern_bps    int           not null,
    reason         varchar(40)   not null,
    raised_at      bigint        not null,
    decision       varchar(10)   not null,
    decided_by     bigint,
    decided_at     bigint,
    decision_note  varchar(4000)
);
create index risk_alerts_by_decision on risk_alerts (decision, alert_id);

-- Each account's controls as the engine holds them: kill switch and hard limits.
create table account_controls (
    account_id             bigint      not null primary key,
    owner_user_id          bigint      not null,
    base_currency          varchar(64) not null,
    self_trade_prevention  varchar(16) not null,
    kill_switch            boolean     not null,
    kill_switch_by         bigint,
    max_order_quantity     bigint      not null,
    max_order_notional     bigint      not null,
    max_position           bigint      not null,
    max_orders_per_window  int         not null,
    throttle_window_millis bigint      not null,
    opened_at              bigint      not null,
    updated_at             bigint      not null
);
