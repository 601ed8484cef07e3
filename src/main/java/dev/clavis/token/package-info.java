/** The token endpoint (RFC 6749 §3.2, §4.4): request parsing, client authentication, scope checks, token issuing. */
package dev.clavis.token;
