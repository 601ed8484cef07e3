/**
 * The change feed: every change that an instance holds a copy of in memory is written to PostgreSQL ({@code
 * change_event}) in the change's own transaction, and every instance polls the feed and fires the same change events
 * locally, so that several instances behind a load balancer see each other's changes within a second, on any server
 * and through any connection pooler. Its own feature rather than part of {@code platform}: features only fire the
 * events (whose types are in {@code platform}) and know nothing of the feed; it has a table, a poller and a purge of
 * its own, and imports no feature. {@code wiring} runs the poll.
 */
package dev.clavis.change;
