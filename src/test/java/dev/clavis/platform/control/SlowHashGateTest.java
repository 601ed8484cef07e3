package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SlowHashGateTest {

    @Test
    void runWhenATurnIsFreeThenRunsAndReturns() {
        SlowHashGate gate = new SlowHashGate(1, 50);

        assertEquals("done", gate.run(() -> "done"));
        assertEquals("again", gate.run(() -> "again"), "the turn is given back");
    }

    @Test
    void runWhenAllTurnsTakenThenServiceUnavailableWithRetryAfter() throws Exception {
        SlowHashGate gate = new SlowHashGate(1, 50);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        holding.await();

        OAuthException busy = assertThrows(OAuthException.class, () -> gate.run(() -> "second"));

        assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, busy.error());
        assertEquals(503, busy.status());
        assertEquals(1, busy.retryAfterSeconds());
        release.countDown();
        assertEquals("held", holder.get());
    }

    @Test
    void runWhenHashThrowsThenTurnIsGivenBack() {
        SlowHashGate gate = new SlowHashGate(1, 50);

        assertThrows(
                IllegalStateException.class,
                () -> gate.run(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("next", gate.run(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
