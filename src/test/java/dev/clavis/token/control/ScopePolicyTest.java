package dev.clavis.token.control;

import static dev.clavis.token.control.OAuthAssertions.assertNotEchoed;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopePolicyTest {

    private static final Set<String> ROLES = Set.of("write", "admin", "read");

    private static SortedSet<String> grant(String requested) {
        return ScopePolicy.grant(Optional.of(requested), ROLES, ROLES);
    }

    @Test
    void grantWhenNoScopeThenAllRolesSorted() {
        assertEquals(List.of("admin", "read", "write"), List.copyOf(ScopePolicy.grant(Optional.empty(), ROLES, ROLES)));
    }

    @Test
    void grantWhenNoScopeAndNoRolesThenInvalidScopeRatherThanAnEmptyScope() {
        // RFC 6749 §3.3: a scope is one or more scope tokens, so an empty grant cannot be expressed
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> ScopePolicy.grant(Optional.empty(), Set.of(), ROLES));
    }

    @Test
    void grantWhenSubsetThenSubsetSorted() {
        assertEquals(List.of("read", "write"), List.copyOf(grant("write read")));
    }

    @Test
    void grantWhenSingleRoleThenOnlyThatRole() {
        assertEquals(List.of("admin"), List.copyOf(grant("admin")));
    }

    @Test
    void grantWhenAllRolesRequestedThenAllRoles() {
        assertEquals(List.of("admin", "read", "write"), List.copyOf(grant("read write admin")));
    }

    @Test
    void grantWhenDuplicatesThenCollapsed() {
        assertEquals(List.of("read"), List.copyOf(grant("read read read")));
    }

    @Test
    void grantWhenUnknownRoleThenInvalidScopeNamingIt() {
        OAuthException e = assertOAuthError(OAuthError.INVALID_SCOPE, () -> grant("read delete"));
        assertTrue(e.description().contains("delete"), e.description());
    }

    @Test
    void grantWhenNoRolesAndScopeRequestedThenInvalidScope() {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> ScopePolicy.grant(Optional.of("read"), Set.of(), ROLES));
    }

    @Test
    void grantWhenCaseDiffersThenInvalidScope() {
        // RFC 6749 §3.3: scope strings are case-sensitive.
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> grant("READ"));
    }

    @Test
    void grantWhenManyUnknownRolesThenDescriptionNamesOnlyTheFirstFive() {
        OAuthException e = assertOAuthError(OAuthError.INVALID_SCOPE, () -> grant("u1 u2 u3 u4 u5 u6 u7 read"));
        assertTrue(e.description().contains("u1 u2 u3 u4 u5 ..."), e.description());
        assertNotEchoed("u6", e);
        assertNotEchoed("u7", e);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "read  write",
                " read",
                "read ",
                " ",
                "",
                "\"read\"",
                "read\\",
                "re\"ad",
                "read\twrite",
                "read\nwrite",
                "r\u00f4le",
                "read\u00a0write"
            })
    void grantWhenMalformedThenInvalidScope(String requested) {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_SCOPE,
                () -> ScopePolicy.grant(
                        Optional.of(requested),
                        Set.of("read", "write", requested),
                        Set.of("read", "write", requested)));
        if (!requested.isBlank()) {
            assertNotEchoed(requested, e);
        }
    }

    @Test
    void grantWhenRoleUsesPunctuationAllowedByNqcharThenGranted() {
        // NQCHAR = %x21 / %x23-5B / %x5D-7E: everything visible but '"' and '\'.
        String role = "!#$%&'()*+,-./0-9:;<=>?@A-Z[]^_`a-z{|}~";
        assertEquals(Set.of(role), ScopePolicy.grant(Optional.of(role), Set.of(role), Set.of(role)));
    }

    @Test
    void grantThenResultUnmodifiable() {
        SortedSet<String> granted = grant("read");
        assertThrows(UnsupportedOperationException.class, () -> granted.add("admin"));
    }

    @Test
    void grantWhenNoScopeRequestedThenOnlyTheRolesTheApiUnderstands() {
        assertEquals(List.of("read"), List.copyOf(ScopePolicy.grant(Optional.empty(), ROLES, Set.of("read", "other"))));
    }

    @Test
    void grantWhenARoleIsHeldButNotUnderstoodByTheApiThenInvalidScopeNamingIt() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_SCOPE, () -> ScopePolicy.grant(Optional.of("read admin"), ROLES, Set.of("read")));
        assertEquals("This API does not understand: admin", e.description());
    }

    @Test
    void grantWhenTheApiUnderstandsNoneOfTheHeldRolesThenInvalidScopeSayingSo() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_SCOPE, () -> ScopePolicy.grant(Optional.empty(), ROLES, Set.of("x")));
        assertTrue(e.description().contains("none of the roles this API understands"), e.description());
    }

    @Test
    void grantWhenTheApiUnderstandsARoleTheClientLacksThenItIsStillRefused() {
        assertOAuthError(
                OAuthError.INVALID_SCOPE, () -> ScopePolicy.grant(Optional.of("x"), ROLES, Set.of("x", "read")));
    }
}
