/**
 * A resource server of someone else's, as a Clavis user would write it: a stock MicroProfile JWT application with
 * nothing of Clavis in it. {@code dev.clavis.it.ExternalResourceServer} packs these classes into a WAR of their own
 * and runs it in a separate Payara Micro, configured only through its MicroProfile Config and Payara's
 * {@code payara-mp-jwt.properties}.
 */
package dev.clavis.it.rs;
