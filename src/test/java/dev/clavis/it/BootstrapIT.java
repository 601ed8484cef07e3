package dev.clavis.it;

import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bootstrap happens once: across restarts of a real server against one database, the bootstrap application and
 * administrator stay as administrators left them, and a configured secret or password counts only when it changed
 * since it was last applied. Also the public scheme: no HSTS on http, HSTS when the issuer is https.
 *
 * <p>One scenario over five starts, since a start costs about 20 seconds and each step needs the state the one
 * before left. It ends as it began: {@code clavis-admin} with {@link Clavis#bootstrapSecret()}, the administrator
 * with the run's password, the configuration file as it was, for the test classes that run after it.
 */
@ExtendWith(ArquillianExtension.class)
class BootstrapIT {

    private static final String CLAVIS = "clavis";
    private static final String GRANT = "grant_type=client_credentials";
    private static final String HSTS = "Strict-Transport-Security";
    private static final SecretHasher HASHER = new SecretHasher();
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @ArquillianResource
    Deployer deployer;

    private boolean running;

    @Deployment(name = CLAVIS, managed = false, testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    @Test
    void restartsWhenAdministratorsChangedWhatBootstrapMadeThenTheirChangesStandUntilTheConfigurationChanges() {
        String configured = Clavis.bootstrapSecret();
        String configuredPassword = System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD);
        String changed = SecretGenerator.newSecret();
        String changedPassword = SecretGenerator.newSecret();
        try {
            // 1. As any earlier start left it: the configured values work. An administrator rotates the secret.
            start();
            assertEquals(200, token("clavis-admin", configured), "the configured secret works to begin with");
            assertTrue(HASHER.matches(configuredPassword, adminPasswordHash()), "the configured password works");
            assertNoHsts();
            var operator = application().roles("clavis-admin").register();
            AdminApi admin = AdminApi.withToken(accessToken(operator.clientId(), operator.secret()));
            String rotated = rotateSecret(admin);
            assertEquals(401, token("clavis-admin", configured), "revoked through the API");
            assertEquals(200, token("clavis-admin", rotated));
            String passwordHash = adminPasswordHash();
            stop();

            // 2. Same configuration: the rotation survives, the password is not rewritten. Then it is deleted.
            long offset = start();
            assertEquals(401, token("clavis-admin", configured), "an unchanged configured secret is not re-applied");
            assertEquals(200, token("clavis-admin", rotated), "the rotated secret survives the restart");
            assertEquals(passwordHash, adminPasswordHash(), "an unchanged configured password is not re-applied");
            String log = logSince(offset);
            assertTrue(log.contains("clavis.bootstrap.client-secret unchanged since it was last applied"), log);
            assertTrue(log.contains("clavis.admin.password unchanged since it was last applied"), log);
            admin = AdminApi.withToken(accessToken(operator.clientId(), operator.secret()));
            HttpResponse<String> deleted = admin.delete("/applications/clavis-admin");
            assertEquals(204, deleted.statusCode(), deleted.body());
            stop();

            // 3. New configured values, and an https issuer (TLS ending at a proxy): the deleted application stays
            // deleted even so, the changed password is applied, and responses carry HSTS.
            IntegrationEnvironment.reconfigure("clavis.bootstrap.client-secret", changed);
            IntegrationEnvironment.reconfigure("clavis.admin.password", changedPassword);
            IntegrationEnvironment.reconfigure("clavis.issuer", Clavis.baseUrl().replaceFirst("^http:", "https:"));
            offset = start();
            assertEquals(401, token("clavis-admin", changed), "a deleted bootstrap application is not recreated");
            assertEquals(401, token("clavis-admin", rotated));
            String appliedPasswordHash = adminPasswordHash();
            assertNotEquals(passwordHash, appliedPasswordHash, "a changed configured password is applied");
            assertTrue(HASHER.matches(changedPassword, appliedPasswordHash));
            assertEquals(
                    Optional.of("max-age=31536000"),
                    Clavis.get("/.well-known/openid-configuration").headers().firstValue(HSTS),
                    "HSTS when the public issuer is https, though this request came over http");
            assertEquals(
                    Optional.of("max-age=31536000"),
                    Clavis.get("/no/such/page").headers().firstValue(HSTS),
                    "HSTS on error pages too");
            log = logSince(offset);
            assertTrue(log.contains("deleted by an administrator, not recreated"), log);
            assertTrue(log.contains("clavis.bootstrap.recreate=true"), "the log says how to get it back");
            assertTrue(log.contains("password replaced from clavis.admin.password"), log);
            assertTrue(log.contains("session cookies are Secure"), "the session cookie is configured Secure");
            assertFalse(log.contains(changed) || log.contains(changedPassword), "a configured value is never printed");
            stop();

            // 4. Recreation asked for: it comes back with the configured secret; the password is not applied twice.
            IntegrationEnvironment.reconfigure("clavis.issuer", Clavis.baseUrl());
            IntegrationEnvironment.reconfigure("clavis.bootstrap.recreate", "true");
            offset = start();
            assertEquals(200, token("clavis-admin", changed), "recreated on request, with the configured secret");
            assertEquals(401, token("clavis-admin", configured));
            assertEquals(appliedPasswordHash, adminPasswordHash(), "a configured password is applied once");
            assertNoHsts();
            assertTrue(logSince(offset).contains("created again"));
            stop();

            // 5. An installation from before the ledger (what V6 makes of one: provisioned, applied value unknown),
            // started with the original values: each is applied once, as it matches nothing stored.
            IntegrationEnvironment.reconfigure("clavis.bootstrap.recreate", "false");
            IntegrationEnvironment.reconfigure("clavis.bootstrap.client-secret", configured);
            IntegrationEnvironment.reconfigure("clavis.admin.password", configuredPassword);
            forgetAppliedValues();
            offset = start();
            assertEquals(401, token("clavis-admin", changed), "the configured secret replaced the stored one");
            assertEquals(200, token("clavis-admin", configured));
            assertTrue(HASHER.matches(configuredPassword, adminPasswordHash()), "the configured password applied");
            assertTrue(logSince(offset).contains("which was not applied before"));
            stop();
        } finally {
            if (running) {
                stop();
            }
            // whatever happened, the next start (another test class) runs with the run's own configuration
            IntegrationEnvironment.reconfigure("clavis.issuer", Clavis.baseUrl());
            IntegrationEnvironment.reconfigure("clavis.bootstrap.recreate", "false");
            IntegrationEnvironment.reconfigure("clavis.bootstrap.client-secret", configured);
            IntegrationEnvironment.reconfigure("clavis.admin.password", configuredPassword);
        }
    }

    /** Adds a secret to clavis-admin and revokes every other one, as an administrator rotating it would. */
    private static String rotateSecret(AdminApi admin) {
        HttpResponse<String> added = admin.post("/applications/clavis-admin/secrets", "{}");
        assertEquals(201, added.statusCode(), added.body());
        String location = added.headers().firstValue("Location").orElseThrow();
        String newId = location.substring(location.lastIndexOf('/') + 1);
        List<?> secrets =
                (List<?>) json(admin.get("/applications/clavis-admin").body()).get("secrets");
        for (Object secret : secrets) {
            Map<?, ?> view = (Map<?, ?>) secret;
            if (!newId.equals(view.get("id")) && Boolean.TRUE.equals(view.get("active"))) {
                HttpResponse<String> revoked = admin.delete("/applications/clavis-admin/secrets/" + view.get("id"));
                assertEquals(204, revoked.statusCode(), revoked.body());
            }
        }
        return (String) json(added.body()).get("clientSecret");
    }

    private static void assertNoHsts() {
        assertEquals(
                Optional.empty(),
                Clavis.get("/.well-known/openid-configuration").headers().firstValue(HSTS),
                "no HSTS while the issuer is http");
        assertEquals(
                Optional.empty(),
                Clavis.tokenRequest(null, null, GRANT).headers().firstValue(HSTS));
    }

    /**
     * From a loopback address of its own each time: the guessing throttle remembers failures across restarts, and
     * this test's deliberate failures (revoked and deleted secrets) must not slow down its own later requests.
     */
    private static int token(String clientId, String secret) {
        return FromAddress.tokenRequest("127.0.1." + SOURCES.incrementAndGet(), clientId, secret);
    }

    /** @return where the server log stood before this start, for {@link #logSince} */
    private long start() {
        long offset = logLength();
        deployer.deploy(CLAVIS);
        running = true;
        return offset;
    }

    private void stop() {
        running = false;
        deployer.undeploy(CLAVIS);
    }

    private static long logLength() {
        try {
            return Files.size(IntegrationEnvironment.serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long offset) {
        try {
            String log = Files.readString(IntegrationEnvironment.serverLog());
            return log.substring((int) Math.min(offset, log.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String adminPasswordHash() {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT password_hash FROM admin_user WHERE username = ?")) {
            query.setString(1, "admin");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the administrator exists");
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forgetAppliedValues() {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE bootstrap_state SET applied_hash = NULL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
