/**
 * Authorization server metadata (RFC 8414) and OpenID Connect discovery. Stands on {@code key} (the algorithms) and
 * {@code role} (the scopes).
 */
package dev.clavis.discovery;
