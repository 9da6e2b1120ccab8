package com.bourse.backoffice.store;

import com.bourse.engine.host.JournalRecord;

import java.util.List;

/**
 * The owner of what the desk seals into a command's journal record beside the command (the audit entry of a command
 * a person sent, {@link com.bourse.backoffice.audit.JournaledAudit}): told of each such record once it is durable,
 * and again on a start for every one replayed, so what it derives from them catches up with the journal.
 */
public interface Attachments {
    /** On the engine's thread, right after the group commit that made {@code records} durable; must not block. */
    void committed(List<JournalRecord> records);

    /** On the starting thread, for each record with an attachment the start replays (in journal order). */
    void replayed(JournalRecord record);

    /**
     * Before a snapshot at {@code seq} is written (the start resumes after it and will not replay what it covers):
     * returns once everything derived from the records handed over so far is stored and forced.
     */
    void settleBefore(long seq);

    /** A desk whose commands carry no attachment: replayed ones are ignored, new ones refused. */
    Attachments NONE = new Attachments() {
        @Override
        public void committed(List<JournalRecord> records) {
            throw new IllegalStateException("this desk takes no attachments");
        }

        @Override
        public void replayed(JournalRecord record) {
        }

        @Override
        public void settleBefore(long seq) {
        }
    };
}
