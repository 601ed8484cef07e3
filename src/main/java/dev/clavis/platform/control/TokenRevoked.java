package dev.clavis.platform.control;

import java.time.Instant;

/**
 * Fired inside the transaction that revokes one access token (RFC 7009); another instance adds it to its denylist
 * when the change feed brings it, without reading the database.
 *
 * @param jti the token's {@code jti}
 * @param expiresAt the token's {@code exp}: until then it must be refused
 */
public record TokenRevoked(String jti, Instant expiresAt) {}
