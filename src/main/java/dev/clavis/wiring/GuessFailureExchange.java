package dev.clavis.wiring;

import dev.clavis.platform.control.SharedGuessFailures;
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

/**
 * Shares failed authentications with the other instances every half second ({@link SharedGuessFailures}; Payara
 * delivers EJB timers at most once a second): a guess made on one instance counts on all of them within about a
 * second. A second or so of lag lets a guesser at most one more try per instance before the shared count stops it. The first exchange, before the first request,
 * counts the recent failures of every instance, this one's before a restart included.
 */
@Singleton
@Startup
@DependsOn("StartupSequence")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GuessFailureExchange {

    private static final Logger LOG = Logger.getLogger(GuessFailureExchange.class.getName());
    private static final long INTERVAL_MILLIS = 500;

    @Inject
    SharedGuessFailures sharedFailures;

    @Resource
    TimerService timerService;

    private boolean failing;

    @PostConstruct
    void start() {
        sharedFailures.exchange(); // a failure here fails the deployment, like the other start-up reads
        timerService.createIntervalTimer(
                INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig("guess failure exchange", false));
    }

    @Timeout
    void exchange() {
        try {
            sharedFailures.exchange();
            if (failing) {
                LOG.info("Sharing failed authentications with the other instances works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not at every exchange
                LOG.log(Level.WARNING, "Sharing failed authentications failed; each instance counts its own", e);
                failing = true;
            }
        }
    }
}
