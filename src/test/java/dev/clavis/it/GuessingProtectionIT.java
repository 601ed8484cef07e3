package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.HttpAssertions.assertError;
import static dev.clavis.it.HttpAssertions.header;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.SecretGenerator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Guessing protection tried as an attacker would (RFC 6749 §10.10): wrong secrets from one address and from many,
 * side by side with the genuine client, whose every request must still succeed; answers and timing that do not tell
 * failures apart; and admin tokens that stop working when their application no longer may administer.
 */
class GuessingProtectionIT extends ClavisIT {

    private static final int BUDGET_PER_CLIENT_PER_MINUTE = 10;

    @Test
    void tokenWhenAttackerGuessesFromOneAddressThenGenuineClientServedEveryTime() throws Exception {
        var app = application().roles("pos.sales.read").register();
        Map<Integer, AtomicInteger> attackerStatuses = new ConcurrentHashMap<>();
        ExecutorService attacker = Executors.newSingleThreadExecutor();
        Future<?> attack = attacker.submit(() -> {
            for (int i = 0; i < 40; i++) {
                int status = FromAddress.tokenRequest("127.0.0.2", app.clientId(), SecretGenerator.newSecret());
                attackerStatuses
                        .computeIfAbsent(status, s -> new AtomicInteger())
                        .incrementAndGet();
            }
        });

        List<Long> latencies = new ArrayList<>();
        while (!attack.isDone() || latencies.size() < 20) {
            latencies.addAll(genuineRequests(1, () -> tokenRequest(app.clientId(), app.secret(), GRANT)));
        }
        attack.get(60, TimeUnit.SECONDS);
        attacker.shutdown();

        System.out.printf(
                "One attacker address, 40 guesses: statuses %s; genuine client %d/%d OK, median %d ms, max %d ms%n",
                attackerStatuses, latencies.size(), latencies.size(), median(latencies), Collections.max(latencies));
        assertEquals(3, attackerStatuses.get(401).get(), "three guesses are checked: " + attackerStatuses);
        assertEquals(37, attackerStatuses.get(429).get(), "the rest wait: " + attackerStatuses);
    }

    @Test
    void tokenWhenAttackersGuessFromManyAddressesThenTheirTotalIsBoundedAndGenuineClientServed() throws Exception {
        var app = application().roles("pos.sales.read").register();
        AtomicInteger checkedGuesses = new AtomicInteger();
        AtomicInteger refusedGuesses = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(4);
        List<Future<?>> attacks = new ArrayList<>();
        for (int address = 10; address < 70; address++) {
            String source = "127.0.0." + address;
            attacks.add(attackers.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    int status = FromAddress.tokenRequest(source, app.clientId(), SecretGenerator.newSecret());
                    (status == 401 ? checkedGuesses : refusedGuesses).incrementAndGet();
                    assertTrue(status == 401 || status == 429, "status " + status);
                }
            }));
        }

        List<Long> latencies = genuineRequests(30, () -> tokenRequest(app.clientId(), app.secret(), GRANT));
        for (Future<?> attack : attacks) {
            attack.get(120, TimeUnit.SECONDS);
        }
        attackers.shutdown();

        System.out.printf(
                "60 attacker addresses, 180 guesses: %d checked, %d refused; genuine client 30/30 OK, median %d ms%n",
                checkedGuesses.get(), refusedGuesses.get(), median(latencies));
        assertTrue(
                checkedGuesses.get() <= BUDGET_PER_CLIENT_PER_MINUTE + 5,
                "the guesses that are checked per client ID are bounded whatever the number of addresses: "
                        + checkedGuesses);
    }

    @Test
    void tokenWhenBudgetSpentByManyAddressesThenTypedSecretStillWorksFromItsProvenAddress() {
        String first = "first typed secret, long and random enough " + SecretGenerator.newSecret();
        String second = "second typed secret, long and random enough " + SecretGenerator.newSecret();
        String third = "third typed secret, long and random enough " + SecretGenerator.newSecret();
        var app = application()
                .onlySecret(first)
                .secret(second)
                .secret(third)
                .roles("pos.sales.read")
                .register();
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", app.clientId(), first), "proves 127.0.0.1");

        for (int address = 100; address < 130; address++) {
            FromAddress.tokenRequest("127.0.0." + address, app.clientId(), SecretGenerator.newSecret());
        }

        // The second secret was never verified: it needs the slow hash, as after a restart.
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", app.clientId(), second), "its proven address");
        assertEquals(
                429,
                FromAddress.tokenRequest("127.0.0.200", app.clientId(), third),
                "an address that never authenticated shares the spent budget (the documented limit)");
    }

    @Test
    void tokenWhenSourceThrottledThenRetryAfterAndTheSameAnswerForKnownAndUnknownClients() {
        var app = application().roles("pos.sales.read").register();
        String unknown = "unknown-" + uniqueId();
        for (String clientId : List.of(app.clientId(), unknown)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(401, FromAddress.tokenRequest("127.0.0.3", clientId, "wrong"));
            }
            assertEquals(429, FromAddress.tokenRequest("127.0.0.3", clientId, "wrong"), clientId);
        }
        assertEquals(
                "HTTP/1.1 429 Too Many Requests",
                FromAddress.statusLine("127.0.0.3", unknown, "wrong"),
                "the standard reason phrase, not Grizzly's CUSTOM");
        HttpResponse<String> throttled = tokenRequestFrom127001Throttled(app.clientId());
        assertError(throttled, 429, "temporarily_unavailable");
        assertTrue(Integer.parseInt(header(throttled, "Retry-After")) >= 1);
        assertEquals(
                200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "the right secret still works");
    }

    @Test
    void tokenWhenClientIdIsHugeThenRefusedAtOnceWithoutThrottling() {
        String huge = "a".repeat(60_000);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = tokenRequest(null, null, GRANT + "&client_id=" + huge + "&client_secret=x");
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(!response.body().contains(huge.substring(0, 100)), "not echoed");
        }
    }

    /**
     * RFC 6749 §5.2 gives all of them the same answer; their timing must not tell them apart either. Each sample uses
     * a client ID of its own, so that no throttle interferes.
     */
    @Test
    void tokenWhenFailingForDifferentReasonsThenMediansWithinTwentyPercent() {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (String kind : List.of("unknown client", "wrong secret", "two active secrets", "disabled, right secret")) {
            samples.put(kind, new ArrayList<>());
        }
        for (int i = 0; i < 3; i++) {
            failingRequest("unknown client"); // warm-up
        }
        for (int round = 0; round < 25; round++) {
            for (String kind : samples.keySet()) {
                samples.get(kind).add(failingRequest(kind));
            }
        }

        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((kind, nanos) -> medians.put(kind, median(nanos) / 1e6));
        System.out.println("Median time of a refused token request (ms): " + medians);
        double fastest = Collections.min(medians.values());
        double slowest = Collections.max(medians.values());
        assertTrue(slowest <= fastest * 1.2, "medians within 20%: " + medians);
    }

    @Test
    void adminApiWhenAdministeringApplicationDeletedThenItsTokenRefused() {
        AdminApp admin = AdminApp.register();
        assertEquals(200, AdminApi.withToken(admin.token()).get("/roles").statusCode());

        assertEquals(
                204,
                AdminApi.asAdmin().delete("/applications/" + admin.clientId()).statusCode());

        assertRefused(admin.token());
    }

    @Test
    void adminApiWhenAdministeringApplicationDisabledThenItsTokenRefused() {
        AdminApp admin = AdminApp.register();

        assertEquals(200, admin.change(false, List.of("clavis-admin")).statusCode());

        assertRefused(admin.token());
    }

    @Test
    void adminApiWhenAdminRoleWithdrawnThenItsTokenRefusedAtOnce() {
        AdminApp admin = AdminApp.register();

        assertEquals(200, admin.change(true, List.of("pos.sales.read")).statusCode());

        assertRefused(admin.token());
    }

    @Test
    void adminApiWhenTheSecretTheTokenCameFromIsRevokedThenRefusedAndANewTokenWorks() throws Exception {
        AdminApp admin = AdminApp.register();
        HttpResponse<String> added =
                AdminApi.asAdmin().post("/applications/" + admin.clientId() + "/secrets", Json.object());
        assertEquals(201, added.statusCode(), added.body());
        String newSecret = (String) json(added.body()).get("clientSecret");

        HttpResponse<String> revoked =
                AdminApi.asAdmin().delete("/applications/" + admin.clientId() + "/secrets/" + admin.firstSecretId());
        assertTrue(revoked.statusCode() < 300, revoked.body());

        assertRefused(admin.token());
        Thread.sleep(1_100); // token times have whole seconds: a token from the same second counts as older
        assertEquals(
                200,
                AdminApi.withToken(accessToken(admin.clientId(), newSecret))
                        .get("/roles")
                        .statusCode());
    }

    private static void assertRefused(String token) {
        HttpResponse<String> response = AdminApi.withToken(token).get("/roles");
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(header(response, "WWW-Authenticate").contains("invalid_token"));
    }

    /** An application registered through the admin API with the clavis-admin role, and a token of it. */
    private record AdminApp(String clientId, String secret, String token) {

        static AdminApp register() {
            String clientId = uniqueId();
            HttpResponse<String> created = AdminApi.asAdmin()
                    .post(
                            "/applications",
                            Json.object()
                                    .put("clientId", clientId)
                                    .put("displayName", "Admin " + clientId)
                                    .put("roles", List.of("clavis-admin")));
            assertEquals(201, created.statusCode(), created.body());
            String secret = (String) json(created.body()).get("clientSecret");
            return new AdminApp(clientId, secret, accessToken(clientId, secret));
        }

        HttpResponse<String> change(boolean enabled, List<String> roles) {
            HttpResponse<String> current = AdminApi.asAdmin().get("/applications/" + clientId);
            return AdminApi.asAdmin()
                    .put(
                            "/applications/" + clientId,
                            header(current, "ETag"),
                            Json.object()
                                    .put("displayName", "Admin " + clientId)
                                    .put("type", "CONFIDENTIAL")
                                    .put("clientCredentialsFlow", true)
                                    .put("enabled", enabled)
                                    .put("roles", roles));
        }

        String firstSecretId() {
            HttpResponse<String> current = AdminApi.asAdmin().get("/applications/" + clientId);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> secrets =
                    (List<Map<String, Object>>) json(current.body()).get("secrets");
            return (String) secrets.get(0).get("id");
        }
    }

    private static HttpResponse<String> tokenRequestFrom127001Throttled(String clientId) {
        HttpResponse<String> response = null;
        for (int i = 0; i < 4; i++) {
            response = tokenRequest(clientId, "wrong-" + i, GRANT);
        }
        return response;
    }

    /** @return nanoseconds of one refused request of the given kind */
    private static long failingRequest(String kind) {
        String clientId;
        String secret;
        switch (kind) {
            case "unknown client" -> {
                clientId = "nobody-" + uniqueId();
                secret = SecretGenerator.newSecret();
            }
            case "wrong secret" -> {
                clientId = application().register().clientId();
                secret = SecretGenerator.newSecret();
            }
            case "two active secrets" -> {
                clientId = application().generatedSecret().register().clientId();
                secret = SecretGenerator.newSecret();
            }
            default -> {
                var app = application().disabled().register();
                clientId = app.clientId();
                secret = app.secret();
            }
        }
        long start = System.nanoTime();
        HttpResponse<String> response = tokenRequest(clientId, secret, GRANT);
        long elapsed = System.nanoTime() - start;
        assertEquals(401, response.statusCode(), kind + ": " + response.body());
        assertEquals("Client authentication failed", json(response.body()).get("error_description"));
        return elapsed;
    }

    /** Sends the genuine client's requests one after another, asserting each is 200; returns their latencies. */
    private static List<Long> genuineRequests(int count, Supplier<HttpResponse<String>> request) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.get();
            latencies.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertEquals(200, response.statusCode(), "genuine request " + i + ": " + response.body());
        }
        return latencies;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
