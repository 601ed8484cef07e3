/**
 * Whether an access token Clavis issued still counts: token introspection (RFC 7662) and revocation (RFC 7009), the
 * denylist of revoked token IDs (in PostgreSQL until each token's expiry, and in memory on every instance), and the
 * check the admin and sample APIs run on every request. One package for both endpoints, because both verify tokens
 * the same way and read the same revocation state. Stands on {@code platform}, {@code token} (request rules and client
 * authentication), {@code application} (the client snapshots), {@code api} and {@code key} (the published keys).
 */
package dev.clavis.revocation;
