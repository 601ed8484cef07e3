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
 */
@DataSourceDefinition(
        name = PayaraDataSource.NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=clavis.db.url}",
        user = "${MPCONFIG=clavis.db.user}",
        password = "${MPCONFIG=clavis.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"ApplicationName=clavis"})
public final class PayaraDataSource {

    /** The name both servers give Clavis's datasource; persistence.xml names it too. */
    public static final String NAME = "java:global/jdbc/clavis";

    private PayaraDataSource() {}
}
