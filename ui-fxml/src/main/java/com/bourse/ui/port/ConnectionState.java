package com.bourse.ui.port;

/** Whether commands reach the venue right now. */
public enum ConnectionState {
    CONNECTED,
    CONNECTING,
    DISCONNECTED
}
