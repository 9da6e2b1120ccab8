package com.bourse.engine.host;

import com.bourse.protocol.Command;

/**
 * One command of the journal with its sequence (1, 2, 3, ... without gaps) and the attachment its owner sealed in
 * the same record ({@link CommandJournal#append(Command, byte[])}), or null.
 */
public record JournalRecord(long seq, Command command, byte[] attachment) {
    public JournalRecord(long seq, Command command) {
        this(seq, command, null);
    }
}
