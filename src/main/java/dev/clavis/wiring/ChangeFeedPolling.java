package dev.clavis.wiring;

import dev.clavis.change.control.ChangeFeed;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the change feed every {@code clavis.changes.poll-millis} on every instance, from the start (after the schema
 * is migrated and the keys are loaded), so that another instance's changes reach this one's copies within a second.
 * With no transaction, so that the events the poll fires reach after-commit observers at once. A plain EJB timer, as
 * for the key check: the same on Payara and WildFly, and through any connection pooler.
 */
@Singleton
@Startup
@DependsOn("StartupSequence")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeFeedPolling {

    @Inject
    ChangeFeed feed;

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "clavis.changes.poll-millis", defaultValue = "250")
    long pollMillis;

    @PostConstruct
    void start() {
        feed.poll(); // the first poll marks where this instance starts in the feed
        scheduleNext();
    }

    /**
     * One poll, then the next one an interval after it ends rather than on a fixed beat: a poll that waits for a lost
     * database never overlaps the next (which servers would log at every beat).
     */
    @Timeout
    void poll() {
        try {
            feed.poll(); // logs its own failures, once per outage
        } finally {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        timerService.createSingleActionTimer(Math.max(50, pollMillis), new TimerConfig("change feed poll", false));
    }
}
