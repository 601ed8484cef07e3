/**
 * The token endpoint (RFC 6749 §3.2, §4.4): request parsing, client authentication, scope checks, token issuing.
 * Stands on {@code platform}, {@code application} (the client snapshots) and {@code key} (the signer).
 */
package dev.clavis.token;
