package dev.clavis.wiring;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The database on Payara: defined by the WAR itself from MicroProfile Config ({@code CLAVIS_DB_URL},
 * {@code CLAVIS_DB_USER}, {@code CLAVIS_DB_PASSWORD}), so Payara needs no server-side set-up. Payara expands the
 * {@code ${MPCONFIG=…}} expressions; WildFly does not, and defines {@value #NAME} itself
 * (server-config/wildfly.cli, with its own pool settings).
 *
 * <p>WildFly must therefore not see this annotation at all. It reads a deployment's annotations from the Jandex
 * index in {@code WEB-INF/classes/META-INF/jandex.idx} when there is one, and the build writes that index without
 * this class (jandex-maven-plugin in pom.xml). Payara scans the classes themselves and ignores the index. Keep this
 * class a plain holder: on WildFly it is not a component of any kind.
 *
 * <p>A PostgreSQL restart or failover: Payara's pool does not notice by itself that its connections died, and would
 * hand them out (and fail) until Clavis restarts. So it tests a connection before handing it out ({@code SELECT 1}
 * through Payara's PostgreSQL validator, at most once per connection every 5 s) and, when one is dead, drops every
 * pooled connection at once ({@code fail-all-connections}) instead of finding them dead one request at a time; the
 * next request opens a fresh one. While PostgreSQL is down, a connection attempt fails at once (refused) or within
 * {@code connectTimeout}, so requests answer 503 quickly rather than queueing. WildFly has the same from
 * wildfly.cli ({@code validate-on-match} and the PostgreSQL exception sorter).
 */
@DataSourceDefinition(
        name = PayaraDataSource.NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=clavis.db.url}",
        user = "${MPCONFIG=clavis.db.user}",
        password = "${MPCONFIG=clavis.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "ApplicationName=clavis",
            // PostgreSQL JDBC, in seconds: an unreachable host fails a request in 5 s, not the OS's minutes
            "connectTimeout=5",
            // Payara's pool (names as in Payara's DataSourceDefinitionDeployer)
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.fail-all-connections=true"
        })
public final class PayaraDataSource {

    /** The name both servers give Clavis's datasource; persistence.xml names it too. */
    public static final String NAME = "java:global/jdbc/clavis";

    private PayaraDataSource() {}
}
