/** Authorization server metadata (RFC 8414) and OpenID Connect discovery. */
package dev.clavis.discovery;
