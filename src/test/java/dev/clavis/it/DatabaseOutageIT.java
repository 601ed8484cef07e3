package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.HttpAssertions.assertError;
import static dev.clavis.it.HttpAssertions.assertProblem;
import static dev.clavis.it.HttpAssertions.header;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped under steady token traffic and started again (same data, same port), without touching Clavis:
 * the known client gets tokens from memory, past its cache TTL and up to the serve-stale bound, then 503; a client
 * Clavis does not hold, the admin API and the admin pages get 503 with {@code Retry-After} in their own shapes;
 * readiness goes DOWN; and within 15 s of PostgreSQL's return everything works again, with no restart of Clavis.
 *
 * <p>Not a {@link ClavisIT}: it starts Clavis with a cache TTL of seconds, so that the outage outlasts it and the
 * stale path is what answers, and a serve-stale bound short enough to watch it end; then puts the original back.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final String CLAVIS = "clavis";
    private static final long TTL_SECONDS = 2;
    private static final long MAX_STALE_SECONDS = 8;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = CLAVIS, managed = false, testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    /** One token request of the background traffic: when (ms after the known client was loaded) and the answer. */
    private record Probe(long atMillis, int status, String retryAfter) {}

    @Test
    void outageWhenPostgresStopsAndReturnsThenKnownClientServedStaleOthers503AndAllBackWithoutRestart()
            throws Exception {
        Map<String, String> original = new LinkedHashMap<>();
        original.put(
                "clavis.client-cache.ttl-seconds",
                IntegrationEnvironment.reconfigure("clavis.client-cache.ttl-seconds", Long.toString(TTL_SECONDS)));
        original.put(
                "clavis.client-cache.max-stale-seconds",
                IntegrationEnvironment.reconfigure(
                        "clavis.client-cache.max-stale-seconds", Long.toString(MAX_STALE_SECONDS)));
        deployer.deploy(CLAVIS);
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        boolean databaseStopped = false;
        try {
            var known = application().roles("pos.sales.read").register();
            AdminApi admin = AdminApi.asAdmin();
            SignInClient browser = new SignInClient("127.0.0.31");
            assertTrue(browser.signIn("admin", System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD))
                    .signedIn());
            assertEquals(200, browser.get("/admin/applications.xhtml").status());
            assertEquals(200, Clavis.readiness().statusCode());
            // Validation passes on healthy connections: a validator that failed them all (one the pool could not
            // load, say) would also "recover", by replacing every connection each time it validates
            Set<Integer> before = clavisBackends();
            assertFalse(before.isEmpty(), "the pool holds connections (minPoolSize)");
            sleep(6_000); // past the validation period (5 s): the next requests validate what they get
            for (int i = 0; i < 5; i++) {
                assertEquals(200, admin.get("/applications").statusCode());
            }
            Set<Integer> after = clavisBackends();
            after.retainAll(before);
            assertFalse(after.isEmpty(), "pooled connections kept after validation: " + before);

            long loaded = System.nanoTime(); // the known client is read from the database now, and not again
            assertEquals(
                    200, tokenRequest(known.clientId(), known.secret(), GRANT).statusCode());
            List<Probe> probes = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Future<?> loop = traffic.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> answer = tokenRequest(known.clientId(), known.secret(), GRANT);
                    probes.add(new Probe(millisSince(loaded), answer.statusCode(), header(answer, "Retry-After")));
                    sleep(100);
                }
            });

            IntegrationEnvironment.stopDatabase();
            databaseStopped = true;
            long stoppedAt = millisSince(loaded);

            HttpResponse<String> adminApi = admin.get("/applications");
            assertProblem(adminApi, 503);
            assertNotNull(header(adminApi, "Retry-After"), "admin API");
            HttpResponse<String> unknown = tokenRequest("neverseen" + uniqueId(), "whatever-secret", GRANT);
            assertError(unknown, 503, "temporarily_unavailable");
            assertNotNull(header(unknown, "Retry-After"), "token endpoint, a client not in memory");
            SignInClient.Answer page = browser.get("/admin/applications.xhtml");
            assertEquals(503, page.status(), page.body());
            assertTrue(page.first("content-type").startsWith("text/html"), page.first("content-type"));
            assertNotNull(page.first("retry-after"), "admin page");
            assertTrue(page.body().contains("database cannot be reached"), page.body());
            assertFalse(page.body().contains("Exception"), page.body());
            HttpResponse<String> down = Clavis.readiness();
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("DOWN"), down.body());

            // Past the serve-stale bound (TTL + max stale after it was last read) the known client gets 503 too. It was
            // last read between 'loaded' and the end of stopDatabase (a reload past the TTL while PostgreSQL stopped).
            long bound = (TTL_SECONDS + MAX_STALE_SECONDS) * 1000;
            long surelyPast = stoppedAt + bound + 1_000;
            waitUntil(() -> millisSince(loaded) > surelyPast + 2_000, Duration.ofSeconds(30));
            long startedAt = millisSince(loaded);
            IntegrationEnvironment.startDatabase();
            databaseStopped = false;

            long recoveryStart = System.nanoTime();
            boolean recovered = waitUntil(
                    () -> Clavis.readiness().statusCode() == 200
                            && admin.get("/applications").statusCode() == 200,
                    RECOVERY_BOUND);
            long recoveryMillis = millisSince(recoveryStart);
            assertTrue(recovered, "readiness and the admin API back within " + RECOVERY_BOUND);
            HttpResponse<String> registered = admin.post(
                    "/applications",
                    Json.object()
                            .put("clientId", uniqueId())
                            .put("displayName", "Registered after the outage")
                            .put("roles", List.of("pos.sales.read")));
            assertEquals(201, registered.statusCode(), registered.body());
            Map<String, Object> fresh = json(registered.body());
            assertEquals(
                    200,
                    tokenRequest((String) fresh.get("clientId"), (String) fresh.get("clientSecret"), GRANT)
                            .statusCode(),
                    "a new application, read from the restarted database");
            assertEquals(200, browser.get("/admin/applications.xhtml").status(), "the admin pages, same session");
            sleep(1_000);
            running.set(false);
            loop.get(30, TimeUnit.SECONDS);

            System.out.println("DatabaseOutageIT: PostgreSQL stopped at " + stoppedAt + " ms and started at "
                    + startedAt + " ms after the known client was read; ready again " + recoveryMillis
                    + " ms after it was back; the known client got " + summary(probes));
            long servedStaleUntil = bound - 500;
            for (Probe probe : probes) {
                if (probe.atMillis() < servedStaleUntil) {
                    assertEquals(200, probe.status(), "within the serve-stale bound: " + probe);
                } else if (probe.atMillis() > surelyPast && probe.atMillis() < startedAt) {
                    assertEquals(503, probe.status(), "past the bound, database still down: " + probe);
                    assertNotNull(probe.retryAfter(), "503 with Retry-After: " + probe);
                }
                assertTrue(probe.status() == 200 || probe.status() == 503, "never a 500: " + probe);
            }
            assertTrue(
                    probes.stream()
                            .anyMatch(p -> p.atMillis() > stoppedAt + TTL_SECONDS * 1000
                                    && p.atMillis() < servedStaleUntil
                                    && p.status() == 200),
                    "served from memory past its TTL while the database was down: " + summary(probes));
            assertEquals(200, probes.get(probes.size() - 1).status(), "the known client after recovery");
        } finally {
            traffic.shutdownNow();
            if (databaseStopped) {
                IntegrationEnvironment.startDatabase();
            }
            deployer.undeploy(CLAVIS);
            original.forEach(IntegrationEnvironment::reconfigure);
        }
    }

    /** The process IDs of Clavis's connections (ApplicationName=clavis in the datasource). */
    private static Set<Integer> clavisBackends() throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'clavis'")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    /** Runs of the same status, as "200 x41 (0..4100 ms), 503 x30 (...)". */
    private static String summary(List<Probe> probes) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < probes.size()) {
            int j = i;
            while (j + 1 < probes.size()
                    && probes.get(j + 1).status() == probes.get(i).status()) {
                j++;
            }
            runs.add(probes.get(i).status() + " x" + (j - i + 1) + " ("
                    + probes.get(i).atMillis() + ".." + probes.get(j).atMillis() + " ms)");
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    private static boolean waitUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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
