package dev.clavis.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema to the version this build expects, with the versioned scripts in {@code db/migration}. */
public final class SchemaMigration {

    private SchemaMigration() {}

    /** @return how many migrations were applied */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
