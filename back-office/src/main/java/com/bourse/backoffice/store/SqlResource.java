package com.bourse.backoffice.store;

import java.sql.SQLException;

/** A holder of JDBC resources (a prepared statement, a table's writer) whose closing can fail with the database. */
interface SqlResource extends AutoCloseable {
    @Override
    void close() throws SQLException;

    /**
     * Closes every one of {@code resources}, each even after another failed, so no statement is left open; throws
     * the first failure with the later ones suppressed on it.
     */
    static void closeAll(Iterable<? extends SqlResource> resources) throws SQLException {
        SQLException failure = null;
        for (SqlResource resource : resources) {
            try {
                resource.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
