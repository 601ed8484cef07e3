package dev.clavis.change.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private static FeedCursor cursor() {
        return new FeedCursor(Duration.ofSeconds(60), Duration.ofSeconds(150));
    }

    private static FeedCursor resyncedAt(long newest) {
        FeedCursor cursor = cursor();
        cursor.resynced(newest, 0);
        return cursor;
    }

    private static List<FeedCursor.Row> rows(long... ids) {
        return Arrays.stream(ids)
                .mapToObj(id -> new FeedCursor.Row(id, "other", new Change("client", "c" + id)))
                .toList();
    }

    private static List<Long> ids(List<FeedCursor.Row> rows) {
        return rows.stream().map(FeedCursor.Row::id).toList();
    }

    @Test
    void needsResyncWhenNewThenTrue() {
        assertTrue(cursor().needsResync(0));
    }

    @Test
    void needsResyncWhenResyncedThenFalseAndReadsAfterNewest() {
        FeedCursor cursor = resyncedAt(41);

        assertFalse(cursor.needsResync(SECOND));
        assertEquals(41, cursor.after());
        assertEquals(List.of(), cursor.holes());
    }

    @Test
    void needsResyncWhenPollFailedThenTrue() {
        FeedCursor cursor = resyncedAt(41);

        cursor.failed();

        assertTrue(cursor.needsResync(SECOND));
    }

    @Test
    void needsResyncWhenSilentLongerThanAllowedThenTrue() {
        FeedCursor cursor = resyncedAt(41);
        cursor.accept(rows(), 100 * SECOND);

        assertFalse(cursor.needsResync(249 * SECOND));
        assertTrue(cursor.needsResync(251 * SECOND));
    }

    @Test
    void acceptWhenConsecutiveRowsThenAllFreshAndNoHoles() {
        FeedCursor cursor = resyncedAt(41);

        assertEquals(List.of(42L, 43L), ids(cursor.accept(rows(42, 43), SECOND)));
        assertEquals(43, cursor.after());
        assertEquals(List.of(), cursor.holes());
    }

    @Test
    void acceptWhenRowsSeenAgainThenNotFresh() {
        FeedCursor cursor = resyncedAt(41);
        cursor.accept(rows(42, 43), SECOND);

        assertEquals(List.of(), ids(cursor.accept(rows(42, 43), 2 * SECOND)));
    }

    @Test
    void acceptWhenIdSkippedThenHoleUntilItsRowCommits() {
        FeedCursor cursor = resyncedAt(41);

        assertEquals(List.of(43L), ids(cursor.accept(rows(43), SECOND)));
        assertEquals(List.of(42L), cursor.holes());
        assertEquals(43, cursor.after());

        // the transaction that took 42 commits after 43's
        assertEquals(List.of(42L, 44L), ids(cursor.accept(rows(42, 44), 2 * SECOND)));
        assertEquals(List.of(), cursor.holes());
        assertEquals(44, cursor.after());
    }

    @Test
    void acceptWhenHoleOlderThanAnyTransactionThenForgotten() {
        FeedCursor cursor = resyncedAt(41);
        cursor.accept(rows(43), SECOND);

        cursor.accept(rows(), 30 * SECOND);
        assertEquals(List.of(42L), cursor.holes());

        cursor.accept(rows(), 62 * SECOND);
        assertEquals(List.of(), cursor.holes());
    }

    @Test
    void acceptWhenIdsJumpFarThenOnlyTheNearestHolesKept() {
        FeedCursor cursor = resyncedAt(0); // an empty feed whose earlier rows were purged

        cursor.accept(rows(5_000), SECOND);

        List<Long> expected =
                LongStream.range(5_000 - FeedCursor.MAX_HOLES, 5_000).boxed().toList();
        assertEquals(expected, cursor.holes());
    }

    @Test
    void acceptWhenManyHolesOverTimeThenBoundedKeepingTheNewest() {
        FeedCursor cursor = resyncedAt(0);

        for (long id = 2; id <= 2 * (FeedCursor.MAX_HOLES + 10); id += 2) {
            cursor.accept(rows(id), SECOND);
        }

        List<Long> holes = cursor.holes();
        assertEquals(FeedCursor.MAX_HOLES, holes.size());
        assertEquals(2L * (FeedCursor.MAX_HOLES + 10) - 1, holes.get(holes.size() - 1));
    }

    @Test
    void resyncedWhenHolesPendingThenForgotten() {
        FeedCursor cursor = resyncedAt(41);
        cursor.accept(rows(45), SECOND);

        cursor.resynced(50, 2 * SECOND);

        assertEquals(List.of(), cursor.holes());
        assertEquals(50, cursor.after());
    }
}
