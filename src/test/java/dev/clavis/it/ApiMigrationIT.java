package dev.clavis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clavis.platform.control.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration that brought APIs (V8), run on a database as version 7 left it, with applications of every kind:
 * each keeps getting the tokens it got, for the default API (what every token was for) with the same roles, or for
 * the administration API when it administers Clavis; one that does both gets the default API when it names none.
 */
class ApiMigrationIT {

    @Test
    void migrateWhenApplicationsExistedBeforeApisThenEachIsGrantedTheApisItsRolesNeed() throws SQLException {
        DataSource database = IntegrationEnvironment.newDatabase("before_apis_" + System.nanoTime());
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:db/migration")
                .target("7")
                .load()
                .migrate();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String[] app : new String[][] {
                {"till", "pos.sales.read"}, {"operator", "clavis-admin"}, {"both", "clavis-admin"}, {"none", null}
            }) {
                statement.execute("INSERT INTO application (client_id, display_name, client_type,"
                        + " client_credentials_flow, enabled, created_at, updated_at)"
                        + " VALUES ('" + app[0] + "', 'App', 'CONFIDENTIAL', true, true, now(), now())");
                if (app[1] != null) {
                    statement.execute("INSERT INTO application_role VALUES ('" + app[0] + "', '" + app[1] + "')");
                }
            }
            statement.execute("INSERT INTO application_role VALUES ('both', 'pos.catalog.read')");
        }

        SchemaMigration.migrate(database);

        assertEquals(
                List.of("both clavis-administration", "both default", "operator clavis-administration", "till default"),
                rows(database, "SELECT client_id || ' ' || api_id FROM application_api ORDER BY 1"));
        assertEquals(
                List.of("both default", "none -", "operator -", "till -"),
                rows(database, "SELECT client_id || ' ' || coalesce(default_api_id, '-') FROM application ORDER BY 1"));
        assertEquals(
                List.of("clavis-administration false", "default true"),
                rows(database, "SELECT id || ' ' || every_role FROM api ORDER BY 1"));
        assertEquals(
                List.of("clavis-administration clavis-admin"),
                rows(database, "SELECT api_id || ' ' || role_name FROM api_role ORDER BY 1"));
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                var result = connection.createStatement().executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
