package dev.clavis.wiring;

import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.revocation.control.RevokedTokens;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the revoked token IDs at start, after the schema is migrated, and reads the new ones (revoked on another
 * instance) every {@code clavis.revocation.refresh-seconds}, purging the expired ones; on every instance.
 */
@Singleton
@Startup
@DependsOn("StartupSequence")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationRefresh {

    private static final Logger LOG = Logger.getLogger(RevocationRefresh.class.getName());

    @Inject
    RevokedTokens revokedTokens;

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "clavis.revocation.refresh-seconds", defaultValue = "5")
    long refreshSeconds;

    @PostConstruct
    void start() {
        revokedTokens.refresh(); // before the first request: a failure here fails the deployment
        long interval = Math.max(1, refreshSeconds) * 1000;
        timerService.createIntervalTimer(interval, interval, new TimerConfig("revocation refresh", false));
    }

    @Timeout
    void refresh() {
        try {
            revokedTokens.refresh();
        } catch (RuntimeException e) {
            // what is in memory still holds; the next refresh tries again
            if (DatabaseUnavailable.isCause(e)) {
                // every few seconds while the database is down: one line each, not a stack trace
                LOG.warning(() -> "Reading revoked tokens failed, the database cannot be reached ("
                        + DatabaseUnavailable.describe(e) + "); it runs again at the next interval");
            } else {
                LOG.log(Level.WARNING, "Reading revoked tokens failed; it runs again at the next interval", e);
            }
        }
    }
}
