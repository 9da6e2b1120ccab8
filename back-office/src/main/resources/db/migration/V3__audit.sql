-- Append-only trail of user actions. hash = SHA-256(previous hash || canonical entry); the head (last
-- sequence, its hash, time) is signed with the installation's Ed25519 key, which lives outside this database.
create table audit_log (
    seq       bigint        not null primary key,
    at        bigint        not null,
    user_id   bigint,
    username  varchar(64),
    action    varchar(32)   not null,
    subject   varchar(200),
    details   varchar(4000) not null,
    prev_hash binary(32)    not null,
    hash      binary(32)    not null
);
create index audit_log_by_user on audit_log (user_id, seq);

create table audit_head (
    id        int        not null primary key check (id = 1),
    seq       bigint     not null,
    hash      binary(32) not null,
    at        bigint     not null,
    signature binary(64) not null
);
