package dev.clavis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Clavis beside the one Arquillian deployed, as a load balancer would have it: its own Payara Micro process
 * running the same WAR with the same configuration file (so the same database, issuer, bootstrap values and data
 * folder, hence the same key-encryption key), on a port of its own. {@link #start()} returns once the process runs;
 * {@link #awaitReady()} waits for its readiness check. {@link #close()} stops it by its PID.
 */
final class SecondInstance implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final URI base;

    private SecondInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static SecondInstance start() {
        Path work = Path.of(System.getProperty("clavis.it.work"));
        return start("second-instance", work.resolve("clavis.properties"));
    }

    /**
     * Another Clavis, in its own folder {@code name} of the test run's work folder, configured from {@code
     * configuration} (a properties file such as the one the deployed server gets).
     */
    static SecondInstance start(String name, Path configuration) {
        try {
            Path work = Path.of(System.getProperty("clavis.it.work"));
            Path dir = Files.createDirectories(work.resolve(name));
            // Payara Micro listens on every interface unless told otherwise; these tests stay on loopback.
            Path preboot = Files.writeString(
                    dir.resolve("preboot.asadmin"),
                    "set configs.config.server-config.network-config.network-listeners.network-listener"
                            + ".http-listener.address=127.0.0.1\n");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(
                    java,
                    "-Xmx512m",
                    "-jar",
                    System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--nocluster",
                    "--rootdir",
                    dir.resolve("root").toString(),
                    "--prebootcommandfile",
                    preboot.toString(),
                    "--port",
                    Integer.toString(port),
                    "--contextroot",
                    "/",
                    "--systemproperties",
                    configuration.toString(),
                    "--deploy",
                    System.getProperty("clavis.it.war", "target/clavis.war"));
            Path log = dir.resolve("server.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SecondInstance instance = new SecondInstance(process, log, port);
            // should the test class end without closing it, the JVM's end does
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the second instance", e);
        }
    }

    /** Waits until the readiness check answers 200, or fails with the log's tail. */
    void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The second instance exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listening but not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                "The second instance was not ready within " + STARTUP_TIMEOUT + "\n" + logTail());
    }

    int port() {
        return base.getPort();
    }

    /** GETs a path of this instance. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** POSTs a form body to this instance's token endpoint with HTTP Basic. */
    HttpResponse<String> tokenRequest(String clientId, String secret, String form) {
        return send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", Clavis.FORM)
                .header("Authorization", Clavis.basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** This instance's MP-JWT protected sample API, with the token as a bearer token. */
    HttpResponse<String> whoami(String token) {
        return send(HttpRequest.newBuilder(base.resolve("/api/whoami"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    /** The last lines of its console, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- " + log + " (last 60 lines) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /** Stops the server by its PID: politely, then for good. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
