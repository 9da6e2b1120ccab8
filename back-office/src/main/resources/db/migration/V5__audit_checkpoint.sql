-- The newest point up to which the audit chain was verified whole (sequence, that entry's hash, time), signed with
-- the installation's audit key like the head: a start checks the chain from here on, and the rest in the background.
create table audit_checkpoint (
    id        int        not null primary key check (id = 1),
    seq       bigint     not null,
    hash      binary(32) not null,
    at        bigint     not null,
    signature binary(64) not null
);
