package com.bourse.simulator.session;

import java.util.Arrays;

/**
 * The agents' alarm clocks: a binary min-heap of (time, agent) packed in one {@code long} each (milliseconds since
 * {@code base} above, agent index in the low 20 bits), so equal times ring in agent order and nothing is boxed.
 */
final class WakeQueue {
    private static final int AGENT_BITS = 20;
    private static final long AGENT_MASK = (1L << AGENT_BITS) - 1;

    private final long base;
    private long[] heap;
    private int size;

    WakeQueue(int agents, long base) {
        if (agents > AGENT_MASK) {
            throw new IllegalArgumentException("at most " + AGENT_MASK + " agents, got " + agents);
        }
        this.base = base;
        this.heap = new long[Math.max(16, agents)];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long time, int agent) {
        if (time < base) {
            throw new IllegalArgumentException("wake at " + time + " is before the session's start " + base);
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long key = ((time - base) << AGENT_BITS) | agent;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    long nextTime() {
        return (heap[0] >>> AGENT_BITS) + base;
    }

    /** Removes the earliest wake; returns its agent. */
    int poll() {
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return (int) (top & AGENT_MASK);
    }
}
