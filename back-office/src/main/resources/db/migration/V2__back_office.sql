-- Master data the back office keeps beside the engine: who the people are and how to reach their banks.
-- Columns ending in _enc hold AES-256-GCM ciphertexts (nonce, ciphertext and tag), bound to their row.

create table currencies (
    code         varchar(8) not null primary key,
    minor_digits int        not null check (minor_digits between 0 and 8)
);

create table instruments (
    instrument_id   bigint       not null primary key,
    symbol          varchar(16)  not null unique,
    name            varchar(200) not null,
    currency        varchar(8)   not null references currencies (code),
    price_scale     int          not null,
    tick_size       bigint       not null,
    lot_size        bigint       not null,
    reference_price bigint       not null,
    band_bps        int          not null
);

create table users (
    user_id             bigint        not null primary key,
    username            varchar(64)   not null unique,
    display_name_enc    varbinary(2048) not null,
    password_hash       varchar(256)  not null,
    failed_attempts     int           not null,
    locked_until        bigint,
    password_changed_at bigint        not null,
    enabled             boolean       not null,
    created_at          bigint        not null
);

create table user_roles (
    user_id bigint      not null references users (user_id),
    role    varchar(16) not null,
    primary key (user_id, role)
);

create table accounts (
    account_id            bigint          not null primary key,
    owner_user_id         bigint          not null references users (user_id),
    name_enc              varbinary(2048) not null,
    base_currency         varchar(8)      not null references currencies (code),
    self_trade_prevention varchar(16)     not null,
    iban_enc              varbinary(256)
);
