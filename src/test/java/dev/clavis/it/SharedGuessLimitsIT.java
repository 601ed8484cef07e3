package dev.clavis.it;

import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Guessing limits across instances, from the attacker's side: failed authentications go to PostgreSQL
 * ({@code guess_failure}), where every instance counts them, so guessing at one instance and then at another gains
 * nothing. The other instance is played here by writing its rows, exactly as its exchange would; TwoInstancesIT, where
 * present, runs a real second one.
 */
class SharedGuessLimitsIT extends ClavisIT {

    private static final String OTHER_INSTANCE = UUID.randomUUID().toString();

    /** The exchange runs twice a second; this leaves room for a slow one on a busy machine. */
    private static final long EXCHANGED_WITHIN_MILLIS = 2_000;

    @Test
    void tokenWhenGuessesFailHereThenTheyReachTheDatabaseWithoutTheAddressInClear() throws Exception {
        var app = application().roles("pos.sales.read").register();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, FromAddress.tokenRequest("127.0.0.41", app.clientId(), SecretGenerator.newSecret()));
        }

        List<String> sources = eventually(() -> sourcesFailedAt(app.clientId()), 3);
        assertEquals(List.of(digest("127.0.0.41"), digest("127.0.0.41"), digest("127.0.0.41")), sources);
        assertFalse(sources.contains("127.0.0.41"));
    }

    @Test
    void tokenWhenAnotherInstanceSawThreeFailuresFromAnAddressThenThatAddressMustWaitHereAndTheClientIsServed()
            throws Exception {
        String secret = SecretGenerator.newSecret();
        var app = application().onlySecret(secret).roles("pos.sales.read").register();
        for (int i = 0; i < 3; i++) {
            failedElsewhere(app.clientId(), digest("127.0.0.42"), false);
        }

        Thread.sleep(EXCHANGED_WITHIN_MILLIS);

        // its three free failures are spent: its very first guess here is refused, unchecked
        assertEquals(429, FromAddress.tokenRequest("127.0.0.42", app.clientId(), SecretGenerator.newSecret()));
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", app.clientId(), secret), "the genuine client");
    }

    @Test
    void tokenWhenAnotherInstanceSpentTheClientsBudgetThenNewAddressesWaitHereButTheProvenAddressIsServed()
            throws Exception {
        String secret = "typed secret, long and random enough " + SecretGenerator.newSecret();
        var app = application().onlySecret(secret).roles("pos.sales.read").register();
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", app.clientId(), secret), "proves 127.0.0.1");
        for (int i = 0; i < 10; i++) {
            failedElsewhere(app.clientId(), digest("10.9.0." + i), false);
        }

        Thread.sleep(EXCHANGED_WITHIN_MILLIS);

        assertEquals(
                429,
                FromAddress.tokenRequest("127.0.0.150", app.clientId(), SecretGenerator.newSecret()),
                "an address never seen here: the budget spent at the other instance is spent here");
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", app.clientId(), secret), "its proven address");
    }

    // --- helpers ---

    /** The throttle's source digest (GuessThrottle.digest): SHA-256, base64url without padding. */
    private static String digest(String source) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static void failedElsewhere(String clientId, String sourceDigest, boolean proven) throws Exception {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO guess_failure"
                        + " (throttle, target, source, proven, instance) VALUES ('client', ?, ?, ?, ?)")) {
            insert.setString(1, clientId);
            insert.setString(2, sourceDigest);
            insert.setBoolean(3, proven);
            insert.setString(4, OTHER_INSTANCE);
            insert.executeUpdate();
        }
    }

    private static List<String> sourcesFailedAt(String clientId) throws Exception {
        List<String> sources = new ArrayList<>();
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT source FROM guess_failure WHERE target = ? ORDER BY id")) {
            select.setString(1, clientId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sources.add(rows.getString(1));
                }
            }
        }
        return sources;
    }

    private interface Query {
        List<String> run() throws Exception;
    }

    /** Polls until the query finds {@code expected} rows (the exchange writes twice a second), for up to 5 s. */
    private static List<String> eventually(Query query, int expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> found = query.run();
        while (found.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = query.run();
        }
        assertTrue(found.size() >= expected, "found " + found);
        return found;
    }
}
