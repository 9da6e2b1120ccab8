package com.bourse.cluster.statement;

/**
 * One posting of an account's asset as the cluster recorded it: {@code delta} moved at business time {@code atMs},
 * leaving {@code balanceAfter}, in journal entry {@code journalId}, because of {@code kind} {@code refId} (a trade,
 * a cash movement, or the command at that log position).
 */
public record PostingRow(long atMs, long journalId, long delta, long balanceAfter, Kind kind, long refId) {

    /** What a posting belongs to. */
    public enum Kind { COMMAND, TRADE, TRANSFER }
}
