package dev.clavis.it;

import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Administrators of the sign-in tests, one per test so that no test's guesses count against another's (the throttle
 * is per username): written straight into the database the server uses, as only the bootstrap one can be created
 * through Clavis yet. And the audit rows the tests read.
 */
final class SignInAdministrators {

    /** A test administrator: username and password. */
    record Administrator(String username, String password) {}

    private SignInAdministrators() {}

    static Administrator create() {
        String username = "signin-" + Long.toString(System.nanoTime(), 36);
        String password = SecretGenerator.newSecret();
        String hash = new SecretHasher().hash(password);
        Timestamp now = Timestamp.from(Instant.now());
        update(
                "INSERT INTO admin_user (username, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)",
                username,
                hash,
                now,
                now);
        return new Administrator(username, password);
    }

    /** @return the actors of failed sign-ins recorded with this target, newest first */
    static List<String> failedSignInActors(String actorPrefix) {
        return strings(
                "SELECT actor FROM audit_event WHERE action = 'admin.sign-in' AND actor LIKE ? ORDER BY id DESC",
                actorPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    static List<String> failedSignInActorsFrom(String address) {
        return strings(
                "SELECT actor FROM audit_event WHERE action = 'admin.sign-in' AND target LIKE ? ORDER BY id DESC",
                "from " + address + " %");
    }

    /** A flood of failed sign-ins, written directly (faster than earning each through the throttle). */
    static void floodOfFailedSignIns(int count) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            update(
                    "INSERT INTO audit_event (occurred_at, actor, action, target, outcome) VALUES (?, ?, ?, ?, ?)",
                    now,
                    "user:?flood" + i,
                    "admin.sign-in",
                    "from 127.9.9.9 (name not verified)",
                    "refused: wrong username or password");
        }
    }

    private static List<String> strings(String sql, String parameter) {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
