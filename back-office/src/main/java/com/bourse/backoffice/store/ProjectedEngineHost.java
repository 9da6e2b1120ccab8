package com.bourse.backoffice.store;

import com.bourse.engine.Engine;
import com.bourse.engine.venue.EngineHost;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;

/**
 * The store's durable engine as an {@link EngineHost}: each command is journaled and applied, its events go
 * to the venue, and the venue's end of batch is the group commit ({@link JournaledEngine#commit()}: one fsync,
 * then the batch goes to the projections). A command counts as acknowledged only after that commit, and the venue
 * holds the batch's events until it returns, so no window shows what a crash could still lose.
 *
 * <p>Not thread-safe: the venue's engine thread drives it. Closing commits what is left; the journal, the
 * projection writer and the store stay open (the back office closes them).
 */
public final class ProjectedEngineHost implements EngineHost {
    private final JournaledEngine desk;

    public ProjectedEngineHost(JournaledEngine desk) {
        this.desk = desk;
    }

    @Override
    public void apply(Command command, EventSink sink) {
        for (Event event : desk.apply(command).events()) {
            sink.onEvent(event);
        }
    }

    @Override
    public void apply(Command command, byte[] attachment, EventSink sink) {
        for (Event event : desk.apply(command, attachment).events()) {
            sink.onEvent(event);
        }
    }

    @Override
    public void endOfBatch() {
        desk.commit();
    }

    @Override
    public Engine engine() {
        return desk.engine();
    }

    @Override
    public void close() {
        desk.commit();
    }
}
