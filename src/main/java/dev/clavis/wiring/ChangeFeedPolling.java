package dev.clavis.wiring;

import dev.clavis.change.control.ChangeFeed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the change feed every {@code clavis.changes.poll-millis} on every instance, from the start (after the schema
 * is migrated and the keys are loaded), so that another instance's changes reach this one's copies within a second.
 * On the server's default managed scheduled executor (Jakarta Concurrency, the same on Payara and WildFly) rather
 * than an EJB timer: Payara delivers EJB timers at most once a second. With a fixed delay, so that a poll that waits
 * for a lost database never overlaps the next, and with no transaction, so that the events a poll fires reach
 * after-commit observers at once.
 */
@Singleton
@Startup
@DependsOn("StartupSequence")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeFeedPolling {

    @Inject
    ChangeFeed feed;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "clavis.changes.poll-millis", defaultValue = "250")
    long pollMillis;

    private ScheduledFuture<?> polls;

    @PostConstruct
    void start() {
        feed.poll(); // the first poll marks where this instance starts in the feed
        long interval = Math.max(50, pollMillis);
        polls = executor.scheduleWithFixedDelay(feed::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        polls.cancel(false);
    }
}
