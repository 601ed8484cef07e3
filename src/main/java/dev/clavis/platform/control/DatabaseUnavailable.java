package dev.clavis.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by a database that cannot be reached, whatever wraps it (JPA, the transaction
 * interceptor, the connection pool, Faces): SQLSTATE class 08 (connection exception) or 57P (operator intervention,
 * such as a PostgreSQL shutting down), the JDBC connection exceptions, or the pool failing to hand out a connection.
 * A caller then gets 503 with {@code Retry-After}, not 500: nothing is wrong with the request, nothing was changed,
 * and it can be sent again once the database is back (the pool validates its connections and replaces dead ones).
 */
public final class DatabaseUnavailable {

    /** What {@code Retry-After} says: about the time a restarted PostgreSQL and the pool's revalidation take. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final int MAX_DEPTH = 20;

    /** Payara's pool (GlassFish connectors) when it cannot make or hand out a connection. */
    private static final String POOLING_EXCEPTION = "com.sun.appserv.connectors.internal.api.PoolingException";

    private static final String RESOURCE_EXCEPTION = "jakarta.resource.ResourceException";

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (isConnectionFailure(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getNextException() != null
                    && isConnectionFailure(sql.getNextException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return false;
    }

    /**
     * @return for the log, the innermost failure in the chain as type, SQLSTATE and message ("PSQLException 08001:
     *     Connection to 127.0.0.1:5432 refused"), so that an outage logs one line per request, not a stack trace
     */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH && cause.getCause() != cause; depth++) {
            innermost = cause;
            cause = cause.getCause();
        }
        String state =
                innermost instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "";
        return innermost.getClass().getSimpleName() + state + ": " + innermost.getMessage();
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        String name = cause.getClass().getName();
        return name.equals(POOLING_EXCEPTION) || name.equals(RESOURCE_EXCEPTION);
    }
}
