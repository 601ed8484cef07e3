/** Registered applications (OAuth clients), their hashed secrets and roles, and the cache the token endpoint reads. */
package dev.clavis.application;
