package dev.clavis.change.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where this instance is in the change feed, and which rows it must still look out for. Not thread-safe; the poll
 * that owns it runs one at a time.
 *
 * <p>Row IDs come from a sequence when the row is inserted, but transactions commit in their own order: the row of a
 * change that began first may become visible after a later one's. So when a poll sees an ID beyond the next one
 * expected, the IDs it skipped are remembered as holes and looked for again at every poll, until their row shows up
 * or they are older than any change's transaction (a rolled-back change leaves a hole for good). Reading every row
 * again from the lowest hole would do too, but one hole would then keep re-reading everything after it.
 *
 * <p>The cursor starts over ({@link #needsResync}) before the first poll, after a failed one and after a silence
 * longer than half the feed's retention: rows may have been purged meanwhile, so the caller clears every copy it holds
 * and continues from the newest row.
 */
public final class FeedCursor {

    /** Holes remembered at most: beyond a few, they are rolled-back changes or rows purged long ago. */
    static final int MAX_HOLES = 100;

    /** A row of the feed as a poll reads it. */
    public record Row(long id, String origin, Change change) {}

    private final long holeWaitNanos;
    private final long maxSilenceNanos;
    /** The highest ID applied; negative while unknown. */
    private long last = -1;
    /** Hole ID -> when it was noticed (nanoTime). */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    private long lastSuccessNanos;

    /**
     * @param holeWait how long a hole is looked for: longer than any change's transaction
     * @param maxSilence how long polls may fail to run before the feed could have lost rows: less than its retention
     */
    public FeedCursor(Duration holeWait, Duration maxSilence) {
        this.holeWaitNanos = holeWait.toNanos();
        this.maxSilenceNanos = maxSilence.toNanos();
    }

    /** @return whether the next poll must clear every copy and continue from the newest row */
    public boolean needsResync(long nowNanos) {
        return last < 0 || nowNanos - lastSuccessNanos > maxSilenceNanos;
    }

    /** The caller cleared every copy after reading the newest ID: continues from there. */
    public void resynced(long newest, long nowNanos) {
        last = newest;
        holes.clear();
        lastSuccessNanos = nowNanos;
    }

    /** A poll failed: what happened meanwhile is unknown. */
    public void failed() {
        last = -1;
        holes.clear();
    }

    /** @return the poll reads the rows after this ID */
    public long after() {
        return last;
    }

    /** @return and the rows of these IDs, in ascending order */
    public List<Long> holes() {
        return List.copyOf(holes.keySet());
    }

    /**
     * @param rows what the poll read: rows after {@link #after()} and rows of {@link #holes()}, in ascending ID order
     * @return the rows not seen before, in ascending ID order
     */
    public List<Row> accept(List<Row> rows, long nowNanos) {
        List<Row> fresh = new ArrayList<>();
        for (Row row : rows) {
            if (holes.remove(row.id()) != null) {
                fresh.add(row);
            } else if (row.id() > last) {
                // the skipped IDs nearest the row are those of transactions still running; older ones are long gone
                for (long skipped = Math.max(last + 1, row.id() - MAX_HOLES); skipped < row.id(); skipped++) {
                    holes.put(skipped, nowNanos);
                }
                last = row.id();
                fresh.add(row);
            }
        }
        holes.values().removeIf(noticed -> nowNanos - noticed > holeWaitNanos);
        while (holes.size() > MAX_HOLES) {
            holes.pollFirstEntry();
        }
        lastSuccessNanos = nowNanos;
        return fresh;
    }
}
