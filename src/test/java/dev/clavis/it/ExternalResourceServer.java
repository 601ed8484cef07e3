package dev.clavis.it;

import dev.clavis.it.rs.ResourceServerApplication;
import dev.clavis.it.rs.WhoAmI;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A resource server that trusts Clavis the way a user's would: its own Payara Micro process (the jar the build copies
 * for the integration tests) running the WAR of {@link dev.clavis.it.rs}, configured only through its own {@code
 * META-INF/microprofile-config.properties} (issuer, Clavis's JWKS URL, audiences) and, where asked, {@code
 * payara-mp-jwt.properties}. Nothing of Clavis is in it, and it reaches Clavis over HTTP only, for the JWK set.
 *
 * <pre>{@code
 * try (var rs = ExternalResourceServer.trusting(issuer).audience(identifier).start()) {
 *     HttpResponse<String> answer = rs.whoami(token);
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns as soon as the process runs, so that it can boot while the test does other
 * things; the first call waits until it answers. {@link #close()} stops it by its PID. Its console goes to a log file
 * under {@code target/it}, whose tail failures quote.
 */
final class ExternalResourceServer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final URI base;
    private volatile boolean ready;

    private ExternalResourceServer(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** A resource server that accepts tokens of this issuer, with the keys at {@code {issuer}/oauth2/jwks}. */
    static Builder trusting(String issuer) {
        return new Builder(issuer);
    }

    /** {@code GET /whoami} with the token as a bearer token; waits for the server first. */
    HttpResponse<String> whoami(String token) {
        awaitReady();
        return send(HttpRequest.newBuilder(base.resolve("/whoami"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** Waits until the application answers (401 to a request without a token), or fails with the log's tail. */
    void awaitReady() {
        if (ready) {
            return;
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/whoami"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                    ready = true;
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
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + STARTUP_TIMEOUT + "\n" + logTail());
    }

    /** Where the server's log ends now, for {@link #logShowsSince}. */
    long logMark() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the log shows the text after the mark, waiting a little for it: Payara logs why it refused a token
     * (at INFO), and may write it just after the answer went out.
     */
    boolean logShowsSince(long mark, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        do {
            try {
                String all = Files.readString(log);
                if (all.substring((int) Math.min(mark, all.length())).contains(text)) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(Duration.ofMillis(100));
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    /** The last lines of the server's console, for failure messages. */
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
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How the resource server is configured; each setting is one line of its configuration files. */
    static final class Builder {

        private final String issuer;
        private final List<String> audiences = new ArrayList<>();
        private boolean acceptingAtJwt;
        private Long keyCacheMillis;

        private Builder(String issuer) {
            this.issuer = issuer;
        }

        /** {@code mp.jwt.verify.audiences}: the API identifiers it accepts in {@code aud}; at least one. */
        Builder audience(String... identifiers) {
            audiences.addAll(List.of(identifiers));
            return this;
        }

        /**
         * {@code disable.type.verification} in {@code payara-mp-jwt.properties}: Payara accepts only {@code typ:
         * JWT} unless it is true, and so refuses RFC 9068's {@code at+jwt}.
         */
        Builder acceptingAtJwt(boolean accepting) {
            acceptingAtJwt = accepting;
            return this;
        }

        /** {@code publicKey.cache.ttl} in {@code payara-mp-jwt.properties}: how long it keeps the JWK set. */
        Builder keyCacheMillis(long millis) {
            keyCacheMillis = millis;
            return this;
        }

        /** The two configuration files, exactly as the WAR carries them; also what the guide shows. */
        String microprofileConfig() {
            return "mp.jwt.verify.issuer=" + issuer + "\n"
                    + "mp.jwt.verify.publickey.location=" + issuer + "/oauth2/jwks\n"
                    + "mp.jwt.verify.audiences=" + String.join(",", audiences) + "\n";
        }

        /** @return null when the stock behaviour is asked for, so that the WAR has no such file at all */
        String payaraMpJwtProperties() {
            StringBuilder properties = new StringBuilder();
            if (acceptingAtJwt) {
                properties.append("disable.type.verification=true\n");
            }
            if (keyCacheMillis != null) {
                properties.append("publicKey.cache.ttl=").append(keyCacheMillis).append('\n');
            }
            return properties.isEmpty() ? null : properties.toString();
        }

        WebArchive war() {
            WebArchive war = ShrinkWrap.create(WebArchive.class, "rs.war")
                    .addClasses(ResourceServerApplication.class, WhoAmI.class)
                    .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                    .addAsResource(new StringAsset(microprofileConfig()), "META-INF/microprofile-config.properties");
            String vendor = payaraMpJwtProperties();
            if (vendor != null) {
                war.addAsResource(new StringAsset(vendor), "payara-mp-jwt.properties");
            }
            return war;
        }

        /** Launches the server on a free loopback port; {@link ExternalResourceServer#awaitReady()} waits for it. */
        ExternalResourceServer start() {
            if (audiences.isEmpty()) {
                throw new IllegalStateException("A resource server needs the identifier of its API (audience)");
            }
            String name = "rs-" + COUNTER.incrementAndGet();
            try {
                Path dir = Files.createDirectories(Path.of(System.getProperty("clavis.it.work", "target/it"), name));
                Path war = dir.resolve("rs.war");
                war().as(ZipExporter.class).exportTo(war.toFile(), true);
                // Payara Micro listens on every interface unless told otherwise; these tests stay on loopback.
                Path preboot = Files.writeString(
                        dir.resolve("preboot.asadmin"),
                        "set configs.config.server-config.network-config.network-listeners.network-listener"
                                + ".http-listener.address=127.0.0.1\n");
                int port = freePort();
                String java =
                        Path.of(System.getProperty("java.home"), "bin", "java").toString();
                List<String> command = List.of(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
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
                        "--deploy",
                        war.toString());
                Path log = dir.resolve("server.log");
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                ExternalResourceServer server = new ExternalResourceServer(name, process, log, port);
                // should a test class end without closing it, the JVM's end does
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start resource server " + name, e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
