package com.bourse.backoffice.importexport;

import com.bourse.protocol.Command;
import org.agrona.collections.LongArrayList;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The engine commands of a committed import, in file order. Those of a large file are not held: they are read back
 * from the store a chunk at a time as they are sent, from the ids the import wrote, so the engine is told exactly
 * what the store committed and a million rows cost eight bytes each until then. Iterate on one thread, while the
 * back office is open.
 */
public final class ImportedCommands implements Iterable<Command> {
    private final int size;
    private final int chunkSize;
    private final IntFunction<List<Command>> chunk;

    private ImportedCommands(int size, int chunkSize, IntFunction<List<Command>> chunk) {
        this.size = size;
        this.chunkSize = chunkSize;
        this.chunk = chunk;
    }

    /** Commands already at hand (a small file: currencies, users). */
    static ImportedCommands of(List<Command> commands) {
        List<Command> copy = List.copyOf(commands);
        return new ImportedCommands(copy.size(), Math.max(1, copy.size()), i -> copy);
    }

    /**
     * Commands read back chunk by chunk: {@code read} gets up to {@code chunkSize} of the written {@code ids}, in
     * file order, and returns their commands in the same order.
     */
    static ImportedCommands readBack(LongArrayList ids, int chunkSize, Function<long[], List<Command>> read) {
        int size = ids.size();
        return new ImportedCommands(size, chunkSize, i -> {
            int from = i * chunkSize;
            long[] slice = new long[Math.min(chunkSize, size - from)];
            for (int k = 0; k < slice.length; k++) {
                slice[k] = ids.getLong(from + k);
            }
            List<Command> commands = read.apply(slice);
            if (commands.size() != slice.length) {
                throw new IllegalStateException("the store gave back " + commands.size() + " of " + slice.length
                        + " imported rows");
            }
            return commands;
        });
    }

    public int size() {
        return size;
    }

    /** Each chunk of commands in turn (at most one chunk in memory), to send as one burst. */
    public void forEachChunk(Consumer<List<Command>> sender) {
        for (int i = 0; i * chunkSize < size; i++) {
            sender.accept(chunk.apply(i));
        }
    }

    @Override
    public Iterator<Command> iterator() {
        return new Iterator<>() {
            private int chunkIndex;
            private Iterator<Command> current = List.<Command>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && chunkIndex * chunkSize < size) {
                    current = chunk.apply(chunkIndex++).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Command next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
