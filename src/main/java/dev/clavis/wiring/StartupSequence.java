package dev.clavis.wiring;

import dev.clavis.admin.control.BootstrapAdministrator;
import dev.clavis.api.control.BuiltInApis;
import dev.clavis.application.control.BootstrapApplication;
import dev.clavis.key.control.KeyConfiguration;
import dev.clavis.key.control.KeyMaintenance;
import dev.clavis.key.control.SigningKeys;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.IssuerIdentifier;
import dev.clavis.platform.control.SchemaMigration;
import dev.clavis.platform.control.ServerSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once when the application is deployed, before it serves requests: migrates the schema, makes sure a signing
 * key and the bootstrap application exist, and loads the keys into memory. If any step fails, deployment fails,
 * rather than serving with a broken store.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Resource(lookup = PayaraDataSource.NAME)
    DataSource dataSource;

    @Inject
    BuiltInApis builtInApis;

    @Inject
    SigningKeys signingKeys;

    @Inject
    KeyMaintenance keyMaintenance;

    @Inject
    ServerSecrets serverSecrets;

    @Inject
    KeyConfiguration keyConfiguration;

    @Resource
    TimerService timerService;

    @Inject
    BootstrapApplication bootstrapApplication;

    @Inject
    BootstrapAdministrator bootstrapAdministrator;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    @PostConstruct
    void start() {
        IssuerIdentifier.check(issuer).ifPresent(LOG::warning);
        int applied = SchemaMigration.migrate(dataSource);
        LOG.info(() -> "Database schema is up to date (" + applied + " migrations applied now)");
        serverSecrets.ensure();
        keyMaintenance.reencryptUnderCurrentKey();
        builtInApis.ensure();
        keyConfiguration.policy(); // refuses to start on unsafe key settings, before any key is made
        keyMaintenance.maintain();
        signingKeys.load();
        long interval = keyConfiguration.policy().checkInterval().toMillis();
        timerService.createIntervalTimer(interval, interval, new TimerConfig("signing key check", false));
        BootstrapApplication.Provisioned bootstrap = bootstrapApplication.ensure();
        BootstrapAdministrator.Provisioned administrator = bootstrapAdministrator.ensure();
        StartupBanner.print(issuer, bootstrap, administrator);
    }

    /**
     * The key check, on every instance: makes the next key when it is due (once, under the cluster lock), forgets
     * old ones, and reads what another instance changed.
     */
    @Timeout
    void checkKeys() {
        try {
            keyMaintenance.maintain();
            signingKeys.load();
        } catch (RuntimeException e) {
            // the keys in memory keep signing on their schedule; the next check tries again
            if (DatabaseUnavailable.isCause(e)) {
                LOG.warning(() -> "The signing key check failed, the database cannot be reached ("
                        + DatabaseUnavailable.describe(e) + "); it runs again at the next interval");
                return;
            }
            LOG.log(
                    java.util.logging.Level.WARNING,
                    "The signing key check failed; it runs again at the next interval",
                    e);
        }
    }
}
