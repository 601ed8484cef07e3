/**
 * What every feature stands on, knowing no feature: schema migrations, the cluster lock, the bootstrap ledger, the
 * data folder, the public scheme (https or not), the failure throttle, secret hashing and generation, validation
 * and the sealed outcome of a change, the OAuth error type, and the writers of OAuth, bearer and problem-details
 * responses. It imports no other Clavis package.
 */
package dev.clavis.platform;
