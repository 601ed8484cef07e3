package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.HttpAssertions.assertProblem;
import static dev.clavis.it.HttpAssertions.header;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for ten seconds under steady token traffic, then started again, without touching Clavis: known
 * clients get their tokens throughout, the admin API answers 503 (not 500) with {@code Retry-After}, readiness goes
 * down and comes back, and afterwards everything works, with every change acknowledged before the outage still there.
 */
class DatabaseOutageIT extends ClavisIT {

    @Test
    void outageWhenPostgresStopsAndReturnsThenKnownClientsServedAdminRefusedCleanlyAndAllBackWithoutRestart()
            throws Exception {
        var app = application().roles("pos.sales.read").register();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "known: in memory now");
        AdminApi admin = AdminApi.asAdmin();
        String role = "outage." + uniqueId();
        HttpResponse<String> created =
                admin.post("/roles", Json.object().put("name", role).put("description", "made before the outage"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, Clavis.get("/health/ready").statusCode());

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        Future<?> loop = traffic.submit(() -> {
            while (running.get()) {
                int status = tokenRequest(app.clientId(), app.secret(), GRANT).statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                sleep(50);
            }
        });
        Instant stopped = Instant.now();
        IntegrationEnvironment.stopDatabase();
        try {
            sleep(1_000);
            HttpResponse<String> during = admin.get("/applications");
            assertProblem(during, 503);
            assertNotNull(header(during, "Retry-After"));
            assertEquals(503, Clavis.get("/health/ready").statusCode(), "readiness reports the database");
            int unknown = tokenRequest("never-seen-" + uniqueId(), "whatever-secret", GRANT)
                    .statusCode();
            assertTrue(unknown == 503 || unknown == 401, "a client not in memory: " + unknown);
            sleep(Duration.ofSeconds(10)
                    .minus(Duration.between(stopped, Instant.now()))
                    .toMillis());
        } finally {
            IntegrationEnvironment.startDatabase();
        }
        Instant started = Instant.now();
        Instant deadline = started.plusSeconds(60);
        while (Clavis.get("/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            sleep(250);
        }
        Duration recovery = Duration.between(started, Instant.now());
        assertEquals(200, Clavis.get("/health/ready").statusCode(), "ready again without a restart");
        assertEquals(200, admin.get("/applications").statusCode(), "the admin API works again");
        running.set(false);
        loop.get(10, TimeUnit.SECONDS);
        traffic.shutdown();

        System.out.println("Database outage of 10 s: token answers " + statuses + "; ready again " + recovery.toMillis()
                + " ms after PostgreSQL was back");
        assertEquals(List.of(200), List.copyOf(statuses.keySet()), "every token request of the known client");
        assertTrue(statuses.get(200).get() > 50, "steady traffic: " + statuses);
        assertEquals(200, admin.get("/roles/" + role).statusCode(), "nothing acknowledged before was lost");
        var fresh = application().roles("pos.sales.read").register();
        assertEquals(
                200,
                tokenRequest(fresh.clientId(), fresh.secret(), GRANT).statusCode(),
                "a client that needs the database");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
