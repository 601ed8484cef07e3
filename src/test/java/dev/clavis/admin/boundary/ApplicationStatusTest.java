package dev.clavis.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.api.control.RegisteredApi;
import dev.clavis.api.entity.TokenFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    private static final RegisteredApi DEFAULT = api("default", "Default API", "https://id.example/api", true);
    private static final RegisteredApi SALES = api("sales", "Sales", "api://sales", false, "pos.sales.read");

    @Test
    void ofWhenOneApiUnderstandsItsRolesThenNamesTheApiAndTheRoles() {
        ApplicationStatus status = status(true, true, 1, Set.of("pos.sales.read", "pos.catalog.read"), null, DEFAULT);

        assertTrue(status.canObtainTokens());
        assertEquals(
                "Enabled: it can obtain tokens for Default API (https://id.example/api) with roles pos.catalog.read,"
                        + " pos.sales.read.",
                status.text());
        assertEquals(
                List.of("pos.catalog.read", "pos.sales.read"),
                status.targets().get(0).roles());
        assertTrue(status.targets().get(0).isDefault(), "the only API is the default");
    }

    @Test
    void ofWhenNoRolesAndNoApisThenCannotAndSaysBoth() {
        ApplicationStatus status = status(true, true, 1, Set.of(), null);

        assertFalse(status.canObtainTokens());
        assertTrue(status.text().startsWith("Enabled, but it cannot obtain tokens: "), status.text());
        assertTrue(status.text().contains("it has no roles"), status.text());
        assertTrue(status.text().contains("it may call no API"), status.text());
    }

    @Test
    void ofWhenDisabledFlowOffOrNoSecretThenCannotAndSaysWhy() {
        assertEquals(
                "Disabled: its token requests are refused.",
                status(false, true, 1, Set.of("pos.sales.read"), null, DEFAULT).text());
        assertTrue(status(true, false, 1, Set.of("pos.sales.read"), null, DEFAULT)
                .text()
                .contains("the client credentials flow is not allowed"));
        ApplicationStatus noSecret = status(true, true, 0, Set.of("pos.sales.read"), null, DEFAULT);
        assertFalse(noSecret.canObtainTokens());
        assertTrue(noSecret.text().contains("no active secret"), noSecret.text());
    }

    @Test
    void ofWhenApisUnderstandNoneOfItsRolesThenCannotAndNamesThem() {
        ApplicationStatus status = status(true, true, 1, Set.of("pos.catalog.read"), null, SALES);

        assertFalse(status.canObtainTokens());
        assertTrue(status.text().contains("Sales understands none of its roles"), status.text());
        assertEquals(List.of(), status.targets());
    }

    @Test
    void ofWhenOnlyTheAdministrationRoleAndAnEveryRoleApiThenCannot() {
        assertFalse(status(true, true, 1, Set.of("clavis-admin"), null, DEFAULT).canObtainTokens());
    }

    @Test
    void ofWhenSeveralApisWithoutDefaultThenEachRequestMustNameOne() {
        ApplicationStatus status = status(true, true, 1, Set.of("pos.sales.read"), null, DEFAULT, SALES);

        assertTrue(status.canObtainTokens());
        assertTrue(status.text().contains("must name one with the resource parameter"), status.text());
        assertEquals(2, status.targets().size());
        assertFalse(status.targets().stream().anyMatch(ApplicationStatus.Target::isDefault));
    }

    @Test
    void ofWhenSeveralApisWithDefaultThenDefaultFirstAndSaid() {
        ApplicationStatus status = status(true, true, 1, Set.of("pos.sales.read"), "sales", DEFAULT, SALES);

        assertEquals("sales", status.targets().get(0).apiId());
        assertTrue(status.text().contains("names no API gets a token for Sales, its default API"), status.text());
    }

    @Test
    void ofWhenOneOfTwoApisIsDisabledThenSaysSo() {
        RegisteredApi off = api("off", "Old", "api://old", true);
        off = new RegisteredApi(
                off.id(),
                off.identifier(),
                off.displayName(),
                true,
                Set.of(),
                TokenFormat.RFC9068,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty());
        ApplicationStatus status = status(true, true, 1, Set.of("pos.sales.read"), "sales", off, SALES);

        assertTrue(status.canObtainTokens());
        assertTrue(status.text().contains("Old is disabled"), status.text());
        assertEquals(1, status.targets().size());
    }

    private static ApplicationStatus status(
            boolean enabled, boolean flow, long secrets, Set<String> roles, String defaultId, RegisteredApi... apis) {
        return ApplicationStatus.of(
                new ApplicationStatus.Facts(enabled, flow, secrets, roles, List.of(apis), defaultId));
    }

    private static RegisteredApi api(String id, String name, String identifier, boolean everyRole, String... roles) {
        return new RegisteredApi(
                id,
                identifier,
                name,
                everyRole,
                Set.of(roles),
                TokenFormat.RFC9068,
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty());
    }
}
