package com.bourse.engine.host;

import com.bourse.protocol.Command;

/** One command of the journal with its sequence (1, 2, 3, ... without gaps). */
public record JournalRecord(long seq, Command command) {
}
