package dev.clavis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.it.SignInAdministrators.Administrator;
import dev.clavis.it.SignInClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing at administrators' passwords over HTTP, against the real WAR: strangers' failures never lock the real
 * administrator out, guessing stays slow from one source and from many, concurrent posts get no extra guesses,
 * anonymous requests get no session, the sign-in form refuses cross-site posts, and hostile names cost nothing that
 * stays. Distinct client addresses come from connections bound to distinct 127/8 addresses.
 */
@ExtendWith(ArquillianExtension.class)
class SignInProtectionIT {

    /** The server's GuessThrottle figures: free failures per source, and the budget per username (per minute). */
    private static final int FREE_FAILURES = 3;

    private static final int TARGET_BUDGET = 10;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    // --- sessions and cookies ---

    @Test
    void anonymousWhenPagesOpenedAndSignInFailsThenNoSessionAndEveryCookieStrict() {
        SignInClient anonymous = new SignInClient("127.0.0.20");
        List<Answer> answers = new ArrayList<>();
        answers.add(anonymous.get("/admin/sign-in.xhtml"));
        answers.add(anonymous.get("/admin/"));
        answers.add(anonymous.get("/admin/applications.xhtml"));
        answers.add(anonymous.get("/jakarta.faces.resource/css/clavis.css.xhtml"));
        answers.add(anonymous.signIn("admin", "not-the-password"));
        answers.add(anonymous.signIn("nobody", "not-the-password"));
        answers.add(anonymous.get("/admin/sign-in.xhtml"));

        assertTrue(answers.get(4).refused(), answers.get(4).body());
        for (Answer answer : answers) {
            assertFalse(
                    answer.setsCookie("JSESSIONID"), "an anonymous request started a session: " + answer.setCookies());
            for (String cookie : answer.setCookies()) {
                assertTrue(cookie.contains("SameSite=Strict"), cookie);
                assertTrue(cookie.contains("HttpOnly"), cookie);
            }
        }
        assertNotNull(anonymous.cookie("clavis_signin"), "the sign-in page set its form token");
        assertEquals(anonymous.cookie("clavis_signin"), anonymous.openSignInPage(), "the same token in the form");
    }

    @Test
    void signInWhenSucceededThenStrictSessionWithNewIdAndDeviceCookie() {
        Administrator admin = SignInAdministrators.create();
        SignInClient browser = new SignInClient("127.0.0.21");
        browser.setCookie("JSESSIONID", "planted-by-someone-else");

        Answer signedIn = browser.signIn(admin.username(), admin.password());

        assertTrue(signedIn.signedIn(), signedIn.status() + " " + signedIn.body());
        String session = browser.cookie("JSESSIONID");
        assertNotNull(session);
        assertFalse(session.equals("planted-by-someone-else"));
        assertTrue(
                signedIn.setCookies().stream()
                        .anyMatch(cookie ->
                                cookie.startsWith("JSESSIONID=" + session) && cookie.contains("SameSite=Strict")),
                signedIn.setCookies().toString());
        String device = signedIn.setCookies().stream()
                .filter(cookie -> cookie.startsWith("clavis_device="))
                .findFirst()
                .orElseThrow();
        assertTrue(device.contains("Max-Age=2592000") && device.contains("Path=/admin"), device);
        assertTrue(device.contains("HttpOnly") && device.contains("SameSite=Strict"), device);
        assertEquals(200, browser.get("/admin/applications.xhtml").status(), "the session works");
    }

    // --- login CSRF ---

    @Test
    void signInWhenPostedWithoutMatchingFormTokenThenRefusedAndNothingChecked() {
        Administrator admin = SignInAdministrators.create();
        SignInClient victim = new SignInClient("127.0.0.22");
        String token = victim.openSignInPage();

        List<Answer> forged = new ArrayList<>();
        // another site's form: the browser sends no SameSite=Strict cookie, and the site cannot know the token
        SignInClient crossSite = new SignInClient("127.0.0.22");
        forged.add(crossSite.exchange(
                "POST",
                SignInClient.SIGN_IN,
                "signin%3Ausername=" + admin.username() + "&signin%3Apassword=" + admin.password(),
                Map.of("Origin", "https://attacker.example")));
        forged.add(crossSite.post(
                SignInClient.SIGN_IN,
                "jakarta.faces.ViewState",
                token,
                "signin:username",
                admin.username(),
                "signin:password",
                admin.password()));
        // the cookie without the field, and with a different field
        forged.add(victim.post(
                SignInClient.SIGN_IN, "signin:username", admin.username(), "signin:password", admin.password()));
        forged.add(victim.post(
                SignInClient.SIGN_IN,
                "jakarta.faces.ViewState",
                token.substring(1) + "x",
                "signin:username",
                admin.username(),
                "signin:password",
                admin.password()));

        for (Answer answer : forged) {
            assertEquals(403, answer.status(), answer.body());
            assertTrue(answer.body().contains("Nothing was checked"), answer.body());
            assertFalse(answer.setsCookie("JSESSIONID"));
            assertFalse(answer.setsCookie("clavis_device"));
        }
        assertTrue(victim.signIn(admin.username(), admin.password()).signedIn(), "the real form still works");
    }

    // --- no lockout, slow guessing ---

    @Test
    void signInWhenStrangersGuessFromOneAndManySourcesThenAdminWithDeviceCookieSignsInEveryTime() throws Exception {
        Administrator admin = SignInAdministrators.create();
        SignInClient genuine = new SignInClient("127.0.1.1");
        assertTrue(genuine.signIn(admin.username(), admin.password()).signedIn());

        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger admittedButBusy = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();
        ExecutorService attackers = Executors.newFixedThreadPool(21);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        // one source at the genuine administrator's own address, and twenty more
        for (int source = 1; source <= 21; source++) {
            String address = "127.0.1." + source;
            running.add(attackers.submit(() -> {
                SignInClient attacker = new SignInClient(address);
                int guess = 0;
                while (attacking.get()) {
                    Answer answer = attacker.signIn(admin.username(), "guess-" + guess++);
                    if (answer.refused()) {
                        checked.incrementAndGet();
                    } else if (busy(answer)) {
                        admittedButBusy.incrementAndGet();
                    } else if (answer.throttled()) {
                        throttled.incrementAndGet();
                    } else {
                        synchronized (unexpected) {
                            unexpected.add(answer.status() + " " + answer.first("location"));
                        }
                    }
                    pause(100);
                }
                return null;
            }));
        }
        int attempts = 12;
        int succeeded = 0;
        int busyRetries = 0;
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            pause(1_000);
            genuine.forget("JSESSIONID");
            long start = System.nanoTime();
            Answer answer = genuine.signIn(admin.username(), admin.password());
            if (busy(answer) && busyRetries < 3) {
                // the shared hashing gate was full (attackers' admitted guesses): the page says to try again shortly
                busyRetries++;
                pause(1_000 * Long.parseLong(answer.first("retry-after")));
                answer = genuine.signIn(admin.username(), admin.password());
            }
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            if (answer.signedIn()) {
                succeeded++;
            }
        }
        attacking.set(false);
        for (Future<?> attacker : running) {
            attacker.get(2, TimeUnit.MINUTES);
        }
        attackers.shutdown();
        double minutes = (System.nanoTime() - started) / 60e9;
        System.out.printf(
                "Under attack by 21 sources: genuine administrator %d/%d signed in (%d retried after 503 busy;"
                        + " latency ms %s); attackers %d guesses checked, %d busy, %d throttled in %.2f min%n",
                succeeded,
                attempts,
                busyRetries,
                millis,
                checked.get(),
                admittedButBusy.get(),
                throttled.get(),
                minutes);

        assertEquals(attempts, succeeded, "the administrator with a device cookie was locked out");
        assertEquals(List.of(), unexpected);
        assertTrue(throttled.get() > 0);
        // the budget of sources that never signed in: TARGET_BUDGET at once, refilled at TARGET_BUDGET a minute
        assertTrue(
                checked.get() + admittedButBusy.get() <= TARGET_BUDGET + Math.ceil(TARGET_BUDGET * minutes) + 1,
                checked.get() + " guesses checked in " + minutes + " minutes");
    }

    @Test
    void signInWhenOneSourceGuessesThenAdminWithoutDeviceCookieFromElsewhereSignsIn() {
        Administrator admin = SignInAdministrators.create();
        SignInClient attacker = new SignInClient("127.0.2.1");
        List<Answer> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            guesses.add(attacker.signIn(admin.username(), "guess-" + i));
        }
        assertEquals(FREE_FAILURES, guesses.stream().filter(Answer::refused).count());
        Answer slowed = guesses.get(guesses.size() - 1);
        assertTrue(slowed.throttled(), slowed.status() + " " + slowed.body());
        assertNotNull(slowed.first("retry-after"));
        assertEquals("HTTP/1.1 429 Too Many Requests", slowed.statusLine(), "the standard reason phrase");

        SignInClient newBrowser = new SignInClient("127.0.2.2");
        assertTrue(newBrowser.signIn(admin.username(), admin.password()).signedIn());
        assertTrue(attacker.signIn(admin.username(), admin.password()).throttled(), "the guesser is still slowed");
    }

    @Test
    void signInWhenFiftyConcurrentGuessesThenNoMoreCheckedThanSequentially() throws Exception {
        Administrator oneSource = SignInAdministrators.create();
        Map<String, Integer> fromOne = concurrently(oneSource.username(), i -> "127.0.3.1");
        Administrator manySources = SignInAdministrators.create();
        Map<String, Integer> fromMany = concurrently(manySources.username(), i -> "127.0.4." + (i + 1));

        int checkedFromOne = fromOne.getOrDefault("refused", 0);
        int checkedFromMany = fromMany.getOrDefault("refused", 0);
        System.out.printf("50 concurrent wrong sign-ins: one source %s, fifty sources %s%n", fromOne, fromMany);
        assertEquals(50, fromOne.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Map.of(), without(fromOne, "refused", "throttled", "busy"));
        assertEquals(Map.of(), without(fromMany, "refused", "throttled", "busy"));
        assertTrue(checkedFromOne >= 1 && checkedFromOne <= FREE_FAILURES, fromOne.toString());
        assertTrue(
                fromOne.getOrDefault("refused", 0) + fromOne.getOrDefault("busy", 0) <= FREE_FAILURES,
                "admitted from one source: " + fromOne);
        assertTrue(
                fromMany.getOrDefault("refused", 0) + fromMany.getOrDefault("busy", 0) <= TARGET_BUDGET + 1,
                "admitted from fifty sources: " + fromMany);
        assertEquals(
                checkedFromOne,
                SignInAdministrators.failedSignInActors("user:?" + oneSource.username())
                        .size(),
                "one audit row per checked guess");
        assertEquals(
                checkedFromMany,
                SignInAdministrators.failedSignInActors("user:?" + manySources.username())
                        .size());
    }

    // --- hostile names, audit ---

    @Test
    void signInWhenUsernameIsTwoMegabytesThenCleanAnswerAndAuditKeepsLittle() {
        SignInClient hostile = new SignInClient("127.0.5.1");
        String huge = "x".repeat(2_000_000);

        Answer answer = hostile.signIn(huge, "whatever");
        Answer hidden = hostile.signIn("ad\u202Emin\u0000", "whatever");

        assertTrue(answer.refused(), answer.status() + " " + answer.body().substring(0, 200));
        assertFalse(answer.body().contains("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "not echoed");
        assertTrue(hidden.refused(), hidden.body());
        List<String> actors = SignInAdministrators.failedSignInActorsFrom("127.0.5.1");
        assertEquals(List.of("user:?ad?min?", "user:?" + "x".repeat(64) + "…"), actors);
    }

    @Test
    void auditWhenFailedSignInsHiddenThenChangesStayOnTheFirstPage() {
        Administrator admin = SignInAdministrators.create();
        String role = "audited." + Long.toString(System.nanoTime(), 36);
        assertEquals(
                201,
                AdminApi.asAdmin()
                        .post("/roles", "{\"name\":\"" + role + "\",\"description\":\"Audited\"}")
                        .statusCode());
        SignInClient stranger = new SignInClient("127.0.6.1");
        assertTrue(stranger.signIn(admin.username(), "wrong").refused());
        SignInAdministrators.floodOfFailedSignIns(60);
        SignInClient browser = new SignInClient("127.0.6.2");
        assertTrue(browser.signIn(admin.username(), admin.password()).signedIn());

        String everything = browser.get("/admin/audit.xhtml").body();
        String changes =
                browser.get("/admin/audit.xhtml?hideFailedSignIns=true").body();

        assertTrue(everything.contains("user:?flood59"), "all events by default");
        assertFalse(everything.contains(role), "the flood pushed the change off the first page");
        assertTrue(changes.contains(role), "with failed sign-ins hidden, the change is on the first page");
        assertFalse(changes.contains("admin.sign-in"), "no failed sign-in shown");
        assertTrue(changes.contains("Show failed sign-ins"));
        assertTrue(everything.contains("Hide failed sign-ins"));
    }

    // --- helpers ---

    /** Fifty wrong sign-ins released at once; the answers counted by kind. */
    private static Map<String, Integer> concurrently(String username, java.util.function.IntFunction<String> address)
            throws Exception {
        int count = 50;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SignInClient client = new SignInClient(address.apply(i));
            client.openSignInPage();
            int guess = i;
            posts.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                Answer answer = client.signIn(username, "guess-" + guess);
                String kind = answer.refused()
                        ? "refused"
                        : answer.throttled() ? "throttled" : busy(answer) ? "busy" : "status " + answer.status();
                kinds.merge(kind, 1, Integer::sum);
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> post : posts) {
            post.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return Map.copyOf(kinds);
    }

    private static boolean busy(Answer answer) {
        return answer.status() == 503
                && answer.first("retry-after") != null
                && answer.body().contains("busy");
    }

    private static Map<String, Integer> without(Map<String, Integer> kinds, String... expected) {
        Map<String, Integer> rest = new java.util.HashMap<>(kinds);
        for (String kind : expected) {
            rest.remove(kind);
        }
        return rest;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
