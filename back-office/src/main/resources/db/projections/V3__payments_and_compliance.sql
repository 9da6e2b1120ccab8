-- Payments are transfers of kind PAYMENT: the payer also pays a fee to the house, and gives the payee a
-- reference. Transfers projected before these columns existed read as no fee, no reference.
alter table transfers add column fee bigint default 0 not null;
alter table transfers add column reference varchar(140) default '' not null;

-- The compliance log: one line per ComplianceViolation event (a limit breach attempted, a self-trade
-- prevented, an order on a kill-switched account, an officer's override of the rules that fired).
-- A command's lines are numbered from 1 in the order the engine said them.
create table compliance_violations (
    seq        bigint      not null,
    n          int         not null,
    account_id bigint      not null,
    user_id    bigint      not null,
    kind       varchar(32) not null,
    subject_id bigint      not null,
    reason     varchar(40),
    at         bigint      not null,
    primary key (seq, n)
);
create index compliance_by_account on compliance_violations (account_id, seq);
create index compliance_by_time on compliance_violations (at, seq);
