package com.bourse.backoffice.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.SplittableRandom;

import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;

/**
 * Reference point for {@code ProjectionBench}: the fastest H2 takes rows on this machine, measured as plain
 * JDBC batches of 20,000 into {@code order_events} (primary key plus one secondary index), one commit per batch,
 * nothing else running in the JVM. One projected event costs about one such row, plus updates.
 */
public final class H2Ceiling {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        insert(rows / 2); // warm-up: the JIT compiles H2 first
        double perSecond = insert(rows);
        System.out.printf("H2 reference: %,d rows into order_events, JDBC batches of 20,000: %,.0f rows/s%n", rows,
                perSecond);
    }

    private static double insert(int rows) throws Exception {
        Path dir = Files.createTempDirectory("h2-ceiling");
        try (Store store = Store.open(StoreConfig.in(dir));
             Connection connection = store.projections().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            String sql = SqlStatements.insert(ORDER_EVENTS, ORDER_EVENTS.EVENT_ID, ORDER_EVENTS.SEQ,
                    ORDER_EVENTS.ENTRY_SEQ, ORDER_EVENTS.ORDER_ID, ORDER_EVENTS.ACCOUNT_ID, ORDER_EVENTS.KIND,
                    ORDER_EVENTS.PRICE, ORDER_EVENTS.QUANTITY, ORDER_EVENTS.LEAVES, ORDER_EVENTS.REASON,
                    ORDER_EVENTS.TRADE_ID, ORDER_EVENTS.ACTING_USER_ID, ORDER_EVENTS.AT);
            SplittableRandom random = new SplittableRandom(1);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 1; i <= rows; i++) {
                    insert.setLong(1, i);
                    insert.setLong(2, i / 3);
                    insert.setLong(3, i / 2 - random.nextInt(50));
                    insert.setLong(4, i / 2);
                    insert.setLong(5, 1001 + random.nextInt(64));
                    insert.setString(6, "FILL");
                    insert.setLong(7, 68450);
                    insert.setLong(8, 1 + random.nextInt(60));
                    insert.setLong(9, random.nextInt(60));
                    insert.setString(10, null);
                    insert.setLong(11, i);
                    insert.setLong(12, 10);
                    insert.setLong(13, 1_793_606_400_000L + i);
                    insert.addBatch();
                    if (i % 20_000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
