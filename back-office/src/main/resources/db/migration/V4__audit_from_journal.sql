-- An entry whose durable copy travelled in the command journal's record of its command (one forced write for the
-- command and its audit entry) names that record: a start re-derives every journaled entry after the newest one here.
alter table audit_log add column journal_seq bigint;
create unique index audit_log_by_journal_seq on audit_log (journal_seq);
