/**
 * What puts the features together, and the only package that knows every feature: the start-up order and banner,
 * the datasource, the JAX-RS applications (the admin API with the WAR's MicroProfile JWT login configuration), the
 * container's error page and the readiness check. It may import any package; none imports it.
 */
package dev.clavis.wiring;
