/**
 * Registered applications (OAuth clients): their hashed secrets and granted roles, the admin API for them, and the
 * token endpoint's cache of client snapshots. Stands on {@code platform}, {@code role} (an application holds roles)
 * and {@code audit}.
 */
package dev.clavis.application;
