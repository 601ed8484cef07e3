package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUnavailableTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P03"})
    void isCauseWhenConnectionSqlStateDeepInsideThenTrue(String state) {
        var failure = new PersistenceException(
                "Exception [EclipseLink-4002]", new RuntimeException(new SQLException("refused", state)));
        assertTrue(DatabaseUnavailable.isCause(failure));
    }

    @Test
    void isCauseWhenJdbcConnectionExceptionThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException(new SQLTransientConnectionException())));
        assertTrue(DatabaseUnavailable.isCause(new SQLNonTransientConnectionException()));
    }

    @Test
    void isCauseWhenConnectionFailureIsNextExceptionThenTrue() {
        var batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(batch)));
    }

    @Test
    void isCauseWhenPoolWrapsWithoutSqlStateThenTrue() {
        // Payara's DataSource.getConnection: new SQLException(message, resourceException), no SQLSTATE of its own
        var pool = new jakarta.resource.ResourceException("Connection could not be allocated");
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new SQLException(pool.getMessage(), pool))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "40001", "42P01", "22001"})
    void isCauseWhenQueryFailsOnAWorkingDatabaseThenFalse(String state) {
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("no", state))));
    }

    @Test
    void isCauseWhenNoSqlBehindThenFalse() {
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug", new NullPointerException())));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("no state")));
    }

    @Test
    void isCauseWhenCauseChainLoopsThenTerminates() {
        var first = new RuntimeException("a");
        var second = new RuntimeException("b", first);
        first.initCause(second);
        assertFalse(DatabaseUnavailable.isCause(first));
    }

    @Test
    void describeWhenWrappedThenInnermostTypeStateAndMessage() {
        var failure = new PersistenceException("wrapper", new SQLException("Connection refused", "08001"));
        assertEquals("SQLException 08001: Connection refused", DatabaseUnavailable.describe(failure));
    }
}
