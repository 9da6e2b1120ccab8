package com.bourse.engine.host;

/** When a journaled command counts as safe. */
public enum Durability {
    /** Written to the operating system before it is applied: survives the desktop being killed (kill -9). */
    PROCESS_CRASH,
    /** Forced to the disk before it is applied (once per batch): also survives an OS crash or power loss. */
    POWER_LOSS
}
