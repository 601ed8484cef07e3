package dev.clavis.platform.control;

/**
 * Fired inside the transaction of any change to the stored signing keys (made, rotated, replaced, removed); another
 * instance reads the keys again when the change feed brings it, so that it signs with and publishes the same keys.
 */
public record KeysChanged() {}
