package dev.clavis.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Named by persistence.xml ({@code eclipselink.session.customizer}); EclipseLink is the JPA provider on Payara and on
 * WildFly alike. EclipseLink retries a read outside a transaction that failed for want of a connection, by default
 * three times, 5 s apart: while the database is down a token request for a client not in memory, an admin page or a
 * readiness check then hangs for 15 s before it fails. One immediate retry is kept, for the connection that died
 * just now (the pool hands out a fresh one); then the caller gets its 503 at once.
 */
public final class FailFastReads implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(1);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
