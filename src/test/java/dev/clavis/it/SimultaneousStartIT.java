package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on an empty database, as a deployment of several nodes starts them: one
 * migration, one set of first keys, one bootstrap application and administrator (start-up work runs under a
 * PostgreSQL advisory lock), and both serving with the same keys. Two Payara Micro processes of their own, on a
 * database of their own; the Arquillian deployment is not used.
 */
class SimultaneousStartIT {

    @Test
    void startWhenTwoInstancesStartTogetherOnAnEmptyDatabaseThenOneOfEverythingAndBothServe() throws Exception {
        DataSource database = IntegrationEnvironment.newDatabase("simultaneous_start");
        Path configuration = configurationFor("simultaneous_start");

        try (SecondInstance a = SecondInstance.start("simultaneous-a", configuration);
                SecondInstance b = SecondInstance.start("simultaneous-b", configuration)) {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(a::awaitReady), CompletableFuture.runAsync(b::awaitReady))
                    .join();

            assertEquals(
                    0,
                    count(
                            database,
                            "SELECT count(*) - count(DISTINCT version) FROM flyway_schema_history"
                                    + " WHERE version IS NOT NULL"),
                    "each migration ran once");
            assertEquals(0, count(database, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
            assertEquals(1, count(database, "SELECT count(*) FROM application WHERE client_id = 'clavis-admin'"));
            assertEquals(1, count(database, "SELECT count(*) FROM admin_user"), "one bootstrap administrator");
            assertEquals(
                    1,
                    count(
                            database,
                            "SELECT count(*) FROM signing_key WHERE active_from <= now()"
                                    + " AND (retires_at IS NULL OR retires_at > now()) AND revoked_at IS NULL"),
                    "one signing key");
            assertEquals(2, count(database, "SELECT count(*) FROM signing_key"), "the signing key and the next one");

            // both sign with that one key, and each publishes it
            String kidA = kid(a.tokenRequest("clavis-admin", Clavis.bootstrapSecret(), GRANT));
            String kidB = kid(b.tokenRequest("clavis-admin", Clavis.bootstrapSecret(), GRANT));
            assertEquals(kidA, kidB);
            assertTrue(a.get("/oauth2/jwks").body().contains(kidB));
            assertTrue(b.get("/oauth2/jwks").body().contains(kidA));
        }
    }

    /**
     * The deployed server's configuration, on the other database, with a key-encryption key given (as several
     * instances must share one; generating it is for a single instance).
     */
    private static Path configurationFor(String databaseName) throws IOException {
        Path work = Path.of(System.getProperty("clavis.it.work"));
        Properties configuration = new Properties();
        try (InputStream in = Files.newInputStream(work.resolve("clavis.properties"))) {
            configuration.load(in);
        }
        String url = configuration.getProperty("clavis.db.url");
        configuration.setProperty("clavis.db.url", url.substring(0, url.lastIndexOf('/') + 1) + databaseName);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        configuration.setProperty(
                "clavis.key-encryption-key", Base64.getEncoder().encodeToString(key));
        configuration.setProperty(
                "clavis.data.dir",
                Files.createDirectories(work.resolve("simultaneous-data")).toString());
        Path file = work.resolve("simultaneous.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            configuration.store(out, "Two instances starting together");
        }
        return file;
    }

    private static long count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String kid(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return SignedJWT.parse((String) json(response.body()).get("access_token"))
                .getHeader()
                .getKeyID();
    }
}
