/**
 * What puts the features together, and the only package that knows every feature: the start-up order and banner,
 * the datasource, the JAX-RS applications (the admin API with the WAR's MicroProfile JWT login configuration), the
 * container's error page, the readiness check, and what follows from an https issuer (HSTS, a Secure session
 * cookie). It may import any package; none imports it.
 */
package dev.clavis.wiring;
