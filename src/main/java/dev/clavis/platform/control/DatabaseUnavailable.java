package dev.clavis.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by a database that cannot be reached, whatever wraps it (JPA, the transaction
 * interceptor, the connection pool): SQLSTATE class 08 (connection exception) or 57P (operator intervention, such as
 * a PostgreSQL shutting down), or the JDBC connection exceptions. A caller then gets 503, not 500: nothing is wrong
 * with the request, and it can be sent again.
 */
public final class DatabaseUnavailable {

    private static final int MAX_DEPTH = 20;

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getClass().getName().equals("com.sun.appserv.connectors.internal.api.PoolingException")
                    || cause.getClass().getName().equals("jakarta.resource.ResourceException")) {
                return true; // the pool could not make a connection
            }
            cause = cause.getCause();
        }
        return false;
    }
}
