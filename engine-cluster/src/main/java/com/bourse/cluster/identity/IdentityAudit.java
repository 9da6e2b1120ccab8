package com.bourse.cluster.identity;

/**
 * One line of the live users' audit trail, part of the replicated state: who did what to whom, when (cluster
 * time, epoch ms), and how it ended. {@code actor} is the acting user ({@link com.bourse.protocol.Command#SYSTEM_USER}
 * for the installation's bootstrap session and for the cluster's own decisions, such as a lock).
 */
public record IdentityAudit(long sequence, long time, long actor, String action, long subject, String outcome) {
}
