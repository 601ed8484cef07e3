package dev.clavis.platform.control;

/**
 * Fired inside the transaction of any change to what an API is or understands (including a role's removal); observed
 * after the commit, so that the next token request sees the new state.
 */
public record ApisChanged() {}
