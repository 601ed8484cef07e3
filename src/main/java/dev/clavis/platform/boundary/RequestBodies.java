package dev.clavis.platform.boundary;

import java.io.IOException;
import java.io.InputStream;

/** Handling of request bodies that are refused for their size. */
public final class RequestBodies {

    /** Up to this much of a refused body is read and dropped; beyond it the connection is closed. */
    public static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /**
     * Reads and drops up to {@link #MAX_DRAINED_BYTES} of an oversized body, so that a client that is still sending
     * reads the 413 rather than a reset connection.
     */
    public static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = MAX_DRAINED_BYTES;
        int read;
        while (remaining > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) != -1) {
            remaining -= read;
        }
    }
}
