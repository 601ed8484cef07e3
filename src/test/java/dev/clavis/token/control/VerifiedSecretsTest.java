package dev.clavis.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VerifiedSecretsTest {

    private static final long ONE_HOUR_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final Optional<String> SECRET_ID = Optional.of("secret-1");

    /** A verification that counts its calls and answers {@code result}. */
    private static final class CountingVerification implements Supplier<Optional<String>> {

        private final AtomicInteger calls = new AtomicInteger();
        private final Optional<String> result;

        CountingVerification(Optional<String> result) {
            this.result = result;
        }

        @Override
        public Optional<String> get() {
            calls.incrementAndGet();
            return result;
        }

        int calls() {
            return calls.get();
        }
    }

    private static VerifiedSecrets cache() {
        return new VerifiedSecrets(ONE_HOUR_NANOS, 1000);
    }

    private static CountingVerification matching() {
        return new CountingVerification(SECRET_ID);
    }

    @Test
    void verifyWhenFirstTimeThenRunsVerification() {
        CountingVerification verification = matching();
        assertEquals(SECRET_ID, cache().verify("my-app", "s3cr3t", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenSamePairAgainThenVerificationNotRepeated() {
        VerifiedSecrets cache = cache();
        CountingVerification verification = matching();
        cache.verify("my-app", "s3cr3t", verification);
        assertEquals(SECRET_ID, cache.verify("my-app", "s3cr3t", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenRememberedThenAnswersTheRememberedSecretIdEvenIfVerificationWouldDiffer() {
        VerifiedSecrets cache = cache();
        cache.verify("my-app", "s3cr3t", matching());
        CountingVerification other = new CountingVerification(Optional.of("secret-2"));
        assertEquals(SECRET_ID, cache.verify("my-app", "s3cr3t", other));
        assertEquals(0, other.calls());
    }

    @Test
    void verifyWhenDifferentSecretThenVerifiedAgain() {
        VerifiedSecrets cache = cache();
        cache.verify("my-app", "s3cr3t", matching());
        CountingVerification verification = new CountingVerification(Optional.empty());
        assertEquals(Optional.empty(), cache.verify("my-app", "wrong", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenSameSecretOtherClientThenVerifiedAgain() {
        VerifiedSecrets cache = cache();
        cache.verify("my-app", "s3cr3t", matching());
        CountingVerification verification = new CountingVerification(Optional.empty());
        assertEquals(Optional.empty(), cache.verify("other-app", "s3cr3t", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenClientIdAndSecretSplitDifferentlyThenNotConfused() {
        VerifiedSecrets cache = cache();
        cache.verify("ab", "c", matching());
        CountingVerification verification = new CountingVerification(Optional.empty());
        assertEquals(Optional.empty(), cache.verify("a", "bc", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenVerificationFailsThenFailureNotRemembered() {
        VerifiedSecrets cache = cache();
        CountingVerification failing = new CountingVerification(Optional.empty());
        cache.verify("my-app", "wrong", failing);
        CountingVerification verification = matching();
        assertEquals(SECRET_ID, cache.verify("my-app", "wrong", verification));
        assertEquals(1, failing.calls());
        assertEquals(1, verification.calls());
    }

    @Test
    void verifyWhenVerificationThrowsThenPropagatedAndNotRemembered() {
        VerifiedSecrets cache = cache();
        IllegalStateException failure = new IllegalStateException("database down");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> cache.verify("my-app", "s3cr3t", () -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
        CountingVerification verification = matching();
        assertEquals(SECRET_ID, cache.verify("my-app", "s3cr3t", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void forgetThenPairVerifiedAgain() {
        VerifiedSecrets cache = cache();
        cache.verify("my-app", "s3cr3t", matching());
        cache.forget("my-app", "s3cr3t");
        CountingVerification verification = new CountingVerification(Optional.empty());
        assertEquals(Optional.empty(), cache.verify("my-app", "s3cr3t", verification));
        assertEquals(1, verification.calls());
    }

    @Test
    void forgetThenOtherPairsStillRemembered() {
        VerifiedSecrets cache = cache();
        cache.verify("my-app", "s3cr3t", matching());
        cache.verify("other-app", "s3cr3t", matching());
        cache.forget("other-app", "s3cr3t");
        CountingVerification verification = matching();
        cache.verify("my-app", "s3cr3t", verification);
        assertEquals(0, verification.calls());
    }

    @Test
    void verifyWhenEntryExpiredThenVerifiedAgain() throws InterruptedException {
        VerifiedSecrets cache = new VerifiedSecrets(1, 1000);
        CountingVerification verification = matching();
        cache.verify("my-app", "s3cr3t", verification);
        Thread.sleep(2); // far beyond the 1 ns lifetime, whatever the clock's resolution
        cache.verify("my-app", "s3cr3t", verification);
        assertEquals(2, verification.calls());
    }

    @Test
    void verifyWhenFullThenNeverHoldsMoreThanMaxEntries() {
        VerifiedSecrets cache = new VerifiedSecrets(ONE_HOUR_NANOS, 3);
        for (int i = 0; i < 10; i++) {
            cache.verify("app-" + i, "s3cr3t", matching());
            assertTrue(cache.size() <= 3, "size " + cache.size() + " after " + (i + 1) + " pairs");
        }
        CountingVerification verification = matching();
        cache.verify("app-9", "s3cr3t", verification);
        assertEquals(0, verification.calls(), "the pair remembered last is kept");
    }

    @Test
    void verifyWhenSamePairConcurrentlyThenVerificationRunsOnce() throws Exception {
        VerifiedSecrets cache = cache();
        cache.verify("warm-up", "warm-up", Optional::empty); // loads what verify needs before the race
        int threads = 4;
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Thread> verifier = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Optional<String>> slowVerification = () -> {
            calls.incrementAndGet();
            verifier.compareAndSet(null, Thread.currentThread());
            started.countDown();
            awaitOrFail(release);
            return SECRET_ID;
        };
        List<Thread> workers = new ArrayList<>();
        List<FutureTask<Optional<String>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            FutureTask<Optional<String>> task =
                    new FutureTask<>(() -> cache.verify("my-app", "s3cr3t", slowVerification));
            Thread worker = new Thread(task, "verify-" + i);
            worker.setDaemon(true);
            results.add(task);
            workers.add(worker);
        }
        try {
            workers.forEach(Thread::start);
            assertTrue(started.await(10, TimeUnit.SECONDS), "no thread started the verification");
            for (Thread worker : workers) {
                if (worker != verifier.get()) {
                    awaitWaitingForRunningVerification(worker);
                }
            }
        } finally {
            release.countDown();
        }
        for (FutureTask<Optional<String>> result : results) {
            assertEquals(SECRET_ID, result.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, calls.get());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until {@code worker} is parked inside {@link CompletableFuture}, that is, joined to the verification
     * another thread runs. Only then may the verification finish: a thread arriving later would find the result
     * remembered anyway, and the test would not show that concurrent requests share one verification.
     */
    private static void awaitWaitingForRunningVerification(Thread worker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            if (worker.getState() == Thread.State.WAITING
                    && Arrays.stream(worker.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName()))) {
                return;
            }
            if (!worker.isAlive()) {
                fail(worker.getName() + " finished without waiting for the running verification");
            }
            Thread.sleep(1);
        }
        fail(worker.getName() + " never waited for the running verification: " + worker.getState() + " "
                + Arrays.toString(worker.getStackTrace()));
    }
}
