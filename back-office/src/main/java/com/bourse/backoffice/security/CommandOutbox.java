package com.bourse.backoffice.security;

import com.bourse.protocol.Command;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one background worker, thread {@value #THREAD_NAME}, through which the desktop's windows send what people
 * enter, so that no window waits on the disk: a window {@linkplain #offer offers} a command and returns at once,
 * and the worker has the {@link CommandGateway} check it, write it to the audit trail (a forced write) and pass it
 * to the venue. One worker for every window of an installation, taking commands in the order they were offered,
 * so the audit trail's order is the order the venue receives them in. A command the gateway refused or the venue
 * would not take comes back to its window's callback.
 *
 * <p>Thread-safe. {@link #close} sends what was already offered, then stops the worker.
 */
public final class CommandOutbox implements AutoCloseable {
    public static final String THREAD_NAME = "bourse-command-gateway";
    /** Commands waiting at most: a person cannot get near it, so a full outbox means the worker is stuck. */
    public static final int CAPACITY = 4_096;
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(CommandOutbox.class.getName());

    private final ThreadPoolExecutor worker;

    public CommandOutbox() {
        this(CAPACITY);
    }

    CommandOutbox(int capacity) {
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                CommandOutbox::thread, new ThreadPoolExecutor.AbortPolicy());
    }

    private static Thread thread(Runnable work) {
        Thread thread = new Thread(work, THREAD_NAME);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) ->
                LOG.log(System.Logger.Level.ERROR, "the command gateway worker failed", e));
        return thread;
    }

    /**
     * Queues {@code command} to be checked, audited and sent by {@code gateway} as {@code session}'s person, and
     * returns without waiting for any of it.
     *
     * @param notSent told, on the worker thread, when the gateway refused the command or the venue did not take it
     * @return true when the command is accepted for sending; false when the outbox is closed or full, and then
     *         nothing is audited or sent and {@code notSent} is not called
     */
    public boolean offer(CommandGateway gateway, Session session, Command command,
                         Consumer<CommandGateway.Outcome.NotSent> notSent) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(notSent, "notSent");
        try {
            worker.execute(() -> send(gateway, session, command, notSent));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void send(CommandGateway gateway, Session session, Command command,
                             Consumer<CommandGateway.Outcome.NotSent> notSent) {
        CommandGateway.Outcome outcome;
        try {
            outcome = gateway.deliver(session, command);
        } catch (RuntimeException e) {
            // The trail could not be written (the store failed): without its record the command is not sent.
            LOG.log(System.Logger.Level.ERROR, "could not audit " + command, e);
            outcome = new CommandGateway.Outcome.NotSent(command, "the audit trail could not record it ("
                    + e.getMessage() + ")");
        }
        if (outcome instanceof CommandGateway.Outcome.NotSent refused) {
            try {
                notSent.accept(refused);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a window failed to hear that " + command + " was not sent", e);
            }
        }
    }

    /** Sends what was offered before (waiting up to ten seconds for it), then stops the worker. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the command gateway worker did not finish within "
                        + CLOSE_WAIT_SECONDS + " s; " + worker.shutdownNow().size() + " commands were not sent");
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
