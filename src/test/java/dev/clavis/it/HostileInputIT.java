package dev.clavis.it;

import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.clavis.it.HostileRequest.Flow;
import dev.clavis.it.HostileRequest.Header;
import dev.clavis.it.HostileRequest.Option;
import dev.clavis.it.HostileRequest.Shape;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input corpus (issue 8): more than 10,000 malformed, oversized and hostile requests from
 * {@link HostileRequests} against the real WAR, every answer checked by {@link AnswerRules}, a genuine client asking
 * for a token throughout, and the server's heap read after a full GC before and after; then a burst of huge client
 * IDs and usernames, after which the heap must be as flat. Run it alone with
 * {@code mvn verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HostileInputIT}; another seed with
 * {@code -Dclavis.it.hostile.seed=...}.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final int CORPUS_SIZE = 10_500;
    private static final int GENUINE_EVERY = 50;
    private static final int WORKERS = 6;
    private static final Duration CORPUS_TIME_LIMIT = Duration.ofMinutes(4);
    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;
    private static final int BURST_SIZE = 2_000;
    private static final Duration BURST_TIME_LIMIT = Duration.ofSeconds(40);
    private static final int HUGE_IDENTITY = 60_000;

    /**
     * Kinds of request ({@link HostileRequest#what()}) left out of the corpus because they hit a defect that stops the
     * run; each is listed in the report. Empty it when the defect is fixed.
     */
    private static final Set<String> KNOWN_DEFECTS = Set.of();

    /**
     * What the container answers itself, before Clavis sees the request, counted and printed rather than failed, and
     * named in the README's known limitations: Faces' resource handler answers a traversal name with a bodiless 404,
     * and the container a request target over 8 KB with a bodiless 400 (its own limit).
     */
    private static boolean isKnownOpenDefect(String violation, HostileRequest request) {
        boolean containerRefusedLongTarget = violation.startsWith("shape: none of the documented shapes ()")
                && request.target().length() > 8_000;
        boolean bodilessFacesResource = violation.startsWith("shape: none of the documented shapes ()")
                && request.target().contains("faces.resource");
        return bodilessFacesResource || containerRefusedLongTarget;
    }

    private static final Map<String, Integer> OPEN_DEFECTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    @Test
    void corpusWhenHostileRequestsSentThenDocumentedAnswersGenuineClientServedAndHeapFlat() throws Exception {
        String adminToken = Clavis.accessToken("clavis-admin", Clavis.bootstrapSecret());
        var genuine = application().roles("pos.sales.read").register();
        String nonAdminToken = Clavis.accessToken(genuine.clientId(), genuine.secret());
        var victim = application().roles("pos.sales.read").register();
        List<ForgedTokens.Forged> forged =
                new ForgedTokens(Clavis.get("/oauth2/jwks").body(), serverKey(), Clavis.baseUrl(), adminToken).all();
        long seed = Long.getLong("clavis.it.hostile.seed", 8L);
        HostileRequests corpus = new HostileRequests(
                seed,
                new HostileRequests.Context(
                        "clavis-admin", genuine.clientId(), nonAdminToken, adminToken, victim.clientId(), forged));
        HostileSender sender = new HostileSender(Clavis.uri("/"), signInAsAdmin(), null);
        AnswerRules rules = new AnswerRules(
                List.of(Clavis.bootstrapSecret(), adminPassword(), adminToken, nonAdminToken, genuine.secret()));
        CorpusReport report = new CorpusReport();
        Map<Integer, LongAdder> genuineStatuses = new ConcurrentHashMap<>();
        List<Long> genuineMillis = Collections.synchronizedList(new ArrayList<>());

        long heapBefore = ServerHeap.usedAfterFullGc();
        long started = System.nanoTime();
        int sent = runInParallel(CORPUS_SIZE, CORPUS_TIME_LIMIT, index -> {
            if (index % GENUINE_EVERY == 0) {
                long t = System.nanoTime();
                int status = Clavis.tokenRequest(genuine.clientId(), genuine.secret(), "grant_type=client_credentials")
                        .statusCode();
                genuineMillis.add((System.nanoTime() - t) / 1_000_000);
                genuineStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
            HostileRequest request = corpus.get(index);
            if (KNOWN_DEFECTS.contains(request.what())) {
                return;
            }
            for (RawHttp.Response response : sender.send(request)) {
                check(rules, report, request, response);
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long heapAfter = ServerHeap.usedAfterFullGc();

        System.out.printf(
                "%nHostile-input corpus: seed %d, %d requests (%d answers) in %d s, %d workers%n%s",
                seed, sent, report.total(), took.toSeconds(), WORKERS, report.table());
        System.out.printf(
                "Genuine client: %s over %d token requests, latency median %d ms, max %d ms%n",
                new TreeMap<>(genuineStatuses), genuineMillis.size(), median(genuineMillis), max(genuineMillis));
        System.out.printf(
                "Server heap after full GC: before %s, after %s (%+.1f MB)%n",
                mb(heapBefore), mb(heapAfter), (heapAfter - heapBefore) / 1048576.0);
        System.out.println("Known open defects (README, Known limitations): " + OPEN_DEFECTS);
        if (!KNOWN_DEFECTS.isEmpty()) {
            System.out.println("Left out as KNOWN_DEFECTS: " + KNOWN_DEFECTS);
        }
        List<String> violations = report.violations();
        System.out.printf("Rules broken: %d distinct%n", violations.size());
        violations.forEach(line -> System.out.println("  " + line));

        assertTrue(sent >= 10_000, "only " + sent + " requests were sent within " + CORPUS_TIME_LIMIT);
        assertEquals(
                Map.of(200, genuineMillis.size()),
                toInts(genuineStatuses),
                "the genuine client must get a token every time");
        assertTrue(
                heapAfter - heapBefore < MAX_HEAP_GROWTH, "heap grew from " + mb(heapBefore) + " to " + mb(heapAfter));
        assertEquals(List.of(), violations, "answers that break the documented rules");
    }

    @Test
    void heapWhenBurstOfHugeClientIdsAndUsernamesThenNothingOfThemKept() throws Exception {
        AnswerRules rules = new AnswerRules(List.of(Clavis.bootstrapSecret(), adminPassword()));
        CorpusReport report = new CorpusReport();
        HostileSender fromHere = new HostileSender(Clavis.uri("/"), null, null);
        // Sign-ins come from another loopback address, so that their throttle is not this test run's 127.0.0.1
        HostileSender fromElsewhere = new HostileSender(Clavis.uri("/"), null, otherLoopbackAddress());
        IntConsumer tokenRequest = index -> {
            HostileRequest request = hugeClientId(index);
            fromHere.send(request).forEach(response -> check(rules, report, request, response));
        };
        IntConsumer signIn = index -> {
            HostileRequest request = hugeUsername(index);
            fromElsewhere.send(request).forEach(response -> check(rules, report, request, response));
        };
        // what is created once and kept for good (caches, compiled pages) is not what this test looks for
        runInParallel(10, BURST_TIME_LIMIT, index -> tokenRequest.accept(-1 - index));
        runInParallel(10, BURST_TIME_LIMIT, index -> signIn.accept(-1 - index));

        long before = ServerHeap.usedAfterFullGc();
        int tokens = runInParallel(BURST_SIZE, BURST_TIME_LIMIT, tokenRequest);
        long afterTokens = ServerHeap.usedAfterFullGc();
        int signIns = runInParallel(BURST_SIZE, BURST_TIME_LIMIT, signIn);
        long afterSignIns = ServerHeap.usedAfterFullGc();

        long tokenGrowth = afterTokens - before;
        long signInGrowth = afterSignIns - afterTokens;
        System.out.printf(
                "%nBurst of huge identities:%n%s"
                        + "Server heap after full GC: before %s; after %d token requests with 60 KB client_ids %s"
                        + " (%+.1f MB); after %d sign-ins with 60 KB usernames %s (%+.1f MB)%n",
                report.table(),
                mb(before),
                tokens,
                mb(afterTokens),
                tokenGrowth / 1048576.0,
                signIns,
                mb(afterSignIns),
                signInGrowth / 1048576.0);
        List<String> violations = report.violations();
        violations.forEach(line -> System.out.println("  " + line));

        assertTrue(tokens > 0 && signIns > 0, "the bursts sent nothing");
        assertTrue(
                tokenGrowth < keptAtMost(tokens),
                "the heap kept " + mb(tokenGrowth) + " after " + tokens + " requests with 60 KB client IDs");
        assertTrue(
                signInGrowth < keptAtMost(signIns),
                "the heap kept " + mb(signInGrowth) + " after " + signIns + " sign-ins with 60 KB usernames");
        assertEquals(List.of(), violations, "answers that break the documented rules");
    }

    /**
     * Kept at all, each identity would weigh its 60 KB (and an anonymous session a few KB more): a tenth of that is
     * allowed, over 4 MB for what a full GC leaves behind from one reading to the next, and never 64 MB.
     */
    private static long keptAtMost(int identities) {
        return Math.min(MAX_HEAP_GROWTH, (4L << 20) + (long) identities * HUGE_IDENTITY / 10);
    }

    private static HostileRequest hugeClientId(int index) {
        SplittableRandom random = new SplittableRandom(index);
        String secret = "burst-" + letters(random, 32);
        return request(
                index,
                "burst: token",
                Shape.TOKEN,
                "/oauth2/token",
                Flow.PLAIN,
                "grant_type=client_credentials&client_id=" + letters(random, HUGE_IDENTITY) + "&client_secret="
                        + secret,
                secret);
    }

    private static HostileRequest hugeUsername(int index) {
        SplittableRandom random = new SplittableRandom(1_000_000L + index);
        String password = "burst-" + letters(random, 32);
        return request(
                index,
                "burst: sign-in",
                Shape.PAGE,
                "/admin/sign-in.xhtml",
                Flow.SIGN_IN_POSTBACK,
                "signin=signin&signin%3Ausername=" + letters(random, HUGE_IDENTITY) + "&signin%3Apassword=" + password
                        + "&signin%3AsignIn=Sign+in&jakarta.faces.ViewState=@VIEWSTATE@",
                password);
    }

    // --- helpers ---

    private static void check(
            AnswerRules rules, CorpusReport report, HostileRequest request, RawHttp.Response response) {
        report.count(request.endpoint(), response.status());
        if (request.has(Option.ANONYMOUS)
                && response.headers().getOrDefault("set-cookie", List.of()).stream()
                        .anyMatch(cookie -> cookie.startsWith("JSESSIONID="))) {
            report.anonymousSessionCreated();
        }
        for (String violation : rules.violations(request, response)) {
            if (isKnownOpenDefect(violation, request)) {
                OPEN_DEFECTS.merge(violation.replaceAll(":.*", "") + " | " + request.endpoint(), 1, Integer::sum);
            } else {
                report.violation(violation, request, response.status(), rules.summary(request, response));
            }
        }
    }

    /**
     * Runs {@code task} for indexes 0 to {@code count - 1} on {@link #WORKERS} threads, until done or out of time.
     *
     * @return how many indexes were run
     */
    private static int runInParallel(int count, Duration limit, IntConsumer task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < WORKERS; w++) {
            workers.submit(() -> {
                for (int index = next.getAndIncrement();
                        index < count && System.nanoTime() < deadline && failures.isEmpty();
                        index = next.getAndIncrement()) {
                    try {
                        task.accept(index);
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(new AssertionError("request #" + index + " could not be sent", e));
                    }
                    done.incrementAndGet();
                }
            });
        }
        workers.shutdown();
        assertTrue(workers.awaitTermination(limit.toSeconds() + 120, TimeUnit.SECONDS), "the workers did not stop");
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
        return done.get();
    }

    private static HostileRequest request(
            int index, String what, Shape shape, String path, Flow flow, String form, String secret) {
        return new HostileRequest(
                index,
                what,
                what,
                shape,
                "POST",
                path,
                "HTTP/1.1",
                List.of(new Header("Content-Type", Clavis.FORM)),
                form.getBytes(StandardCharsets.US_ASCII),
                flow,
                EnumSet.of(Option.ANONYMOUS),
                List.of(secret));
    }

    /** Signs in as the administrator the way a browser does, and returns the session cookie. */
    private static String signInAsAdmin() {
        HostileSender anonymous = new HostileSender(Clavis.uri("/"), null, null);
        RawHttp.Response page = anonymous.get("/admin/sign-in.xhtml", null);
        Matcher viewState = VIEW_STATE.matcher(page.text());
        assertTrue(viewState.find(), "the sign-in page has a view state");
        String cookie = signInTokenCookie(page); // the sign-in page keeps no session: a login-CSRF token cookie
        String form = "signin=signin&signin%3Ausername=admin&signin%3Apassword="
                + URLEncoder.encode(adminPassword(), StandardCharsets.UTF_8)
                + "&signin%3AsignIn=Sign+in&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        String request = "POST /admin/sign-in.xhtml HTTP/1.1\r\nHost: " + host() + "\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "Content-Type: " + Clavis.FORM + "\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form;
        RawHttp.Response signedIn = RawHttp.exchange(
                        Clavis.uri("/"), null, request.getBytes(StandardCharsets.US_ASCII), false, false, false)
                .get(0);
        String session = sessionCookie(signedIn);
        assertTrue(
                signedIn.status() / 100 == 3 && session != null,
                "the administrator could not sign in: " + signedIn.status() + " " + AnswerRules.start(signedIn.text()));
        RawHttp.Response home = anonymous.get("/admin/applications.xhtml", session);
        assertTrue(home.text().contains("Signed in as"), "the session is not signed in");
        return session;
    }

    private static String signInTokenCookie(RawHttp.Response response) {
        for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
            if (cookie.startsWith("clavis_signin=")) {
                return cookie.split(";", 2)[0];
            }
        }
        return null;
    }

    private static String sessionCookie(RawHttp.Response response) {
        String found = null;
        for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
            Matcher matcher = SESSION_COOKIE.matcher(cookie);
            if (matcher.find()) {
                found = "JSESSIONID=" + matcher.group(1); // the last one wins, as in a browser
            }
        }
        return found;
    }

    private static RSAKey serverKey() throws Exception {
        return ServerKeys.activePrivateKey().toRSAKey();
    }

    private static InetAddress otherLoopbackAddress() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String adminPassword() {
        return System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD);
    }

    private static String host() {
        URI base = Clavis.uri("/");
        return base.getHost() + ":" + base.getPort();
    }

    private static String letters(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static Map<Integer, Integer> toInts(Map<Integer, LongAdder> counts) {
        Map<Integer, Integer> ints = new TreeMap<>();
        counts.forEach((status, n) -> ints.put(status, n.intValue()));
        return ints;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
