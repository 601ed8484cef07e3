/**
 * Signing keys: generation, encrypted storage, the in-memory signer and the public JWK set (RFC 7517). Stands on
 * {@code platform}.
 */
package dev.clavis.key;
