/**
 * APIs (protected resources, RFC 8707): the identifier that becomes a token's {@code aud}, the roles an API
 * understands, its token format and lifetime; the admin API for them, and the token endpoint's in-memory directory of
 * them. Stands on {@code platform}, {@code role} (an API understands roles) and {@code audit}.
 */
package dev.clavis.api;
