/**
 * Clavis: an OAuth 2.0 authorization server for machine-to-machine access (the client credentials grant).
 * Each sub-package is one feature, split into {@code boundary} (HTTP edge), {@code control} (logic) and
 * {@code entity} (persistent state).
 */
package dev.clavis;
