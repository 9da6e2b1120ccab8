package com.bourse.backoffice.security;

import com.bourse.protocol.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one background worker, thread {@value #THREAD_NAME}, through which the desktop's windows send what people
 * enter, so that no window waits on the disk: a window {@linkplain #offer offers} a command and returns at once,
 * and the worker has the {@link CommandGateway} check it, audit it and pass it to the venue (to the embedded desk
 * with its entry, sealed in the command's journal record; to a remote venue after a forced write of the entry).
 * One worker for every window of an installation, taking commands in the order they were offered, so the audit
 * trail's order is the order the venue receives them in. A command the gateway refused or the venue would not take
 * comes back to its window's callback.
 *
 * <p>What waits when the worker wakes goes as one burst ({@link CommandGateway#deliverAll}): for a remote venue its
 * audit entries are one transaction and one forced write, then its commands go to the venue in order; on the
 * embedded desk the burst's records share the journal's next group commit. Either way a person clicking fast, or a
 * mass action, pays one trip to the disk instead of one per command, and nothing is acknowledged before its entry is
 * on the disk.
 *
 * <p>Thread-safe. {@link #close} sends what was already offered, then stops the worker.
 */
public final class CommandOutbox implements AutoCloseable {
    public static final String THREAD_NAME = "bourse-command-gateway";
    /** Commands waiting at most: a person cannot get near it, so a full outbox means the worker is stuck. */
    public static final int CAPACITY = 4_096;
    /** Most commands audited in one forced write. */
    static final int MAX_BURST = 256;
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(CommandOutbox.class.getName());

    /** One offered command, with the gateway that sends it and the window to tell when it is not sent. */
    private record Offered(CommandGateway gateway, CommandGateway.Request request,
                           Consumer<CommandGateway.Outcome.NotSent> notSent) {
    }

    private final BlockingQueue<Offered> queue;
    private final Thread worker;
    private volatile boolean closing;
    /** The worker starts with the first offer, as an installation that never sends needs no thread. */
    private boolean started;

    public CommandOutbox() {
        this(CAPACITY);
    }

    CommandOutbox(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, THREAD_NAME);
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) ->
                LOG.log(System.Logger.Level.ERROR, "the command gateway worker failed", e));
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
        Objects.requireNonNull(notSent, "notSent");
        CommandGateway.Request request = new CommandGateway.Request(session, command, null);
        // Checked again by the worker before it takes anything: a command offered as close begins is sent or
        // refused here, never left behind unsent and untold.
        synchronized (this) {
            if (closing || !queue.offer(new Offered(gateway, request, notSent))) {
                return false;
            }
            if (!started) {
                started = true;
                worker.start();
            }
            return true;
        }
    }

    /** Commands offered and not yet taken by the worker. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        List<Offered> burst = new ArrayList<>(MAX_BURST);
        while (true) {
            try {
                Offered first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                burst.add(first);
                queue.drainTo(burst, MAX_BURST - 1);
                send(burst);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(System.Logger.Level.WARNING, "the command gateway worker was interrupted; "
                        + queue.size() + " commands were not sent");
                return;
            } finally {
                burst.clear();
            }
        }
    }

    /** Each gateway's share of the burst goes as one delivery (in practice there is one gateway). */
    private static void send(List<Offered> burst) {
        Map<CommandGateway, List<Offered>> byGateway = new LinkedHashMap<>();
        for (Offered offered : burst) {
            byGateway.computeIfAbsent(offered.gateway(), g -> new ArrayList<>()).add(offered);
        }
        for (Map.Entry<CommandGateway, List<Offered>> share : byGateway.entrySet()) {
            deliver(share.getKey(), share.getValue());
        }
    }

    private static void deliver(CommandGateway gateway, List<Offered> offered) {
        List<CommandGateway.Request> requests = new ArrayList<>(offered.size());
        for (Offered o : offered) {
            requests.add(o.request());
        }
        List<CommandGateway.Outcome> outcomes;
        try {
            outcomes = gateway.deliverAll(requests);
        } catch (RuntimeException e) {
            // The trail could not be written (the store failed): without their records the commands are not sent.
            LOG.log(System.Logger.Level.ERROR, "could not audit " + requests.size() + " command(s)", e);
            outcomes = new ArrayList<>(offered.size());
            for (Offered o : offered) {
                outcomes.add(new CommandGateway.Outcome.NotSent(o.request().command(),
                        "the audit trail could not record it (" + e.getMessage() + ")"));
            }
        }
        for (int i = 0; i < offered.size(); i++) {
            if (outcomes.get(i) instanceof CommandGateway.Outcome.NotSent refused) {
                try {
                    offered.get(i).notSent().accept(refused);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "a window failed to hear that " + refused.command()
                            + " was not sent", e);
                }
            }
        }
    }

    /** Sends what was offered before (waiting up to ten seconds for it), then stops the worker. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            if (worker.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "the command gateway worker did not finish within "
                        + CLOSE_WAIT_SECONDS + " s; " + queue.size() + " commands were not sent");
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
