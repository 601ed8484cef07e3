package dev.clavis.it;

import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.SecretGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers applications straight in the database of the server under test, as directly as the admin API would, so that
 * each test has its own client in exactly the state it needs. Secrets are stored as Clavis stores them (a keyed
 * digest for generated ones; the slow hash, with fewer iterations which the stored format records, for typed ones),
 * and made per test.
 */
final class TestApplications {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String clientId;
    private final List<String> roles = new ArrayList<>();
    private final List<Secret> secrets = new ArrayList<>();
    private boolean enabled = true;
    private boolean clientCredentialsFlow = true;
    private Integer lifetimeSeconds;
    /** The IDs of the APIs it may call; null grants those that understand its roles, as the admin API does. */
    private List<String> apis;

    private String defaultApi;

    /** {@code generated}: stored as Clavis stores the secrets it generates (a keyed digest), else as a typed one. */
    private record Secret(String value, boolean generated, Instant expiresAt, Instant revokedAt) {}

    private TestApplications(String clientId) {
        this.clientId = clientId;
    }

    /**
     * A name no other test uses, valid as a client ID and as part of a role name: for what a test registers through
     * the admin API or the pages rather than {@link #register()}.
     */
    static String uniqueId() {
        return "app" + Long.toString(System.nanoTime(), 36);
    }

    /** A new enabled application with a unique client ID and one active secret that Clavis could have generated. */
    static TestApplications application() {
        return new TestApplications("test" + System.nanoTime() % 1_000_000_000 + "x" + COUNTER.incrementAndGet())
                .generatedSecret();
    }

    /** Adds a secret as Clavis generates them: 256 random bits, stored as a keyed digest. */
    TestApplications generatedSecret() {
        secrets.add(new Secret(SecretGenerator.newSecret(), true, null, null));
        return this;
    }

    TestApplications roles(String... names) {
        roles.addAll(List.of(names));
        return this;
    }

    /** Replaces the default secret with one a person typed (stored with the slow hash). */
    TestApplications onlySecret(String value) {
        secrets.clear();
        return secret(value);
    }

    TestApplications secret(String value) {
        secrets.add(new Secret(value, false, null, null));
        return this;
    }

    TestApplications expiredSecret(String value) {
        secrets.add(new Secret(value, false, Instant.now().minusSeconds(60), null));
        return this;
    }

    TestApplications revokedSecret(String value) {
        secrets.add(new Secret(value, false, null, Instant.now().minusSeconds(60)));
        return this;
    }

    /** Grants exactly these APIs (by ID), instead of those that understand its roles. */
    TestApplications apis(String... ids) {
        apis = List.of(ids);
        return this;
    }

    TestApplications defaultApi(String id) {
        defaultApi = id;
        return this;
    }

    TestApplications disabled() {
        enabled = false;
        return this;
    }

    TestApplications withoutClientCredentialsFlow() {
        clientCredentialsFlow = false;
        return this;
    }

    TestApplications lifetimeSeconds(int seconds) {
        lifetimeSeconds = seconds;
        return this;
    }

    /** @return the registered application's client ID and first secret */
    Registered register() {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO application (client_id, display_name, client_type, client_credentials_flow, enabled,"
                            + " access_token_lifetime_seconds, created_at, updated_at, version)"
                            + " VALUES (?, ?, 'CONFIDENTIAL', ?, ?, ?, ?, ?, 1)")) {
                insert.setString(1, clientId);
                insert.setString(2, "Test " + clientId);
                insert.setBoolean(3, clientCredentialsFlow);
                insert.setBoolean(4, enabled);
                insert.setObject(5, lifetimeSeconds);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
            }
            for (String role : roles) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO application_role (client_id, role_name) VALUES (?, ?)")) {
                    insert.setString(1, clientId);
                    insert.setString(2, role);
                    insert.executeUpdate();
                }
            }
            grantApis(connection);
            SecretDigests digests = ServerKeys.secretDigests();
            for (Secret secret : secrets) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO client_secret (id, client_id, secret_hash, hint, created_at, expires_at, revoked_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, SecretGenerator.newId());
                    insert.setString(2, clientId);
                    insert.setString(
                            3,
                            secret.generated() ? digests.ofGenerated(secret.value()) : digests.ofTyped(secret.value()));
                    insert.setString(4, SecretGenerator.hintOf(secret.value()));
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, secret.expiresAt() == null ? null : Timestamp.from(secret.expiresAt()));
                    insert.setTimestamp(7, secret.revokedAt() == null ? null : Timestamp.from(secret.revokedAt()));
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register " + clientId, e);
        }
        return new Registered(
                clientId, secrets.isEmpty() ? null : secrets.get(0).value());
    }

    /** As {@code ApplicationCatalog} grants them: the APIs named, or those that understand one of its roles. */
    private void grantApis(Connection connection) throws SQLException {
        if (apis != null) {
            for (String api : apis) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO application_api (client_id, api_id) VALUES (?, ?)")) {
                    insert.setString(1, clientId);
                    insert.setString(2, api);
                    insert.executeUpdate();
                }
            }
        } else {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO application_api (client_id, api_id)"
                            + " SELECT DISTINCT ar.client_id, a.id FROM application_role ar, api a"
                            + " WHERE ar.client_id = ? AND ((a.every_role AND ar.role_name <> 'clavis-admin')"
                            + " OR EXISTS (SELECT 1 FROM api_role r WHERE r.api_id = a.id AND r.role_name = ar.role_name))")) {
                insert.setString(1, clientId);
                insert.executeUpdate();
            }
            if (defaultApi == null) {
                try (PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM application_api WHERE client_id = ?")) {
                    count.setString(1, clientId);
                    try (var result = count.executeQuery()) {
                        result.next();
                        if (result.getInt(1) > 1) {
                            defaultApi = "default";
                        }
                    }
                }
            }
        }
        if (defaultApi != null) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE application SET default_api_id = ? WHERE client_id = ?")) {
                update.setString(1, defaultApi);
                update.setString(2, clientId);
                update.executeUpdate();
            }
        }
    }

    record Registered(String clientId, String secret) {}
}
