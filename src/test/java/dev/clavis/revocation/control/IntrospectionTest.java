package dev.clavis.revocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.api.control.ApiLookup;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.api.entity.TokenFormat;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.revocation.control.TokenCheck.Reason;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision table of introspection: each reason for {@code active: false}, and who may introspect what. */
class IntrospectionTest {

    private static final Instant ISSUED = Instant.parse("2030-01-01T10:00:00Z");
    private static final String POS_API = "https://pos.example.com/api";

    private final Map<String, RegisteredClient> clients = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Map<String, RegisteredApi> apis = new HashMap<>();

    private final ApiLookup lookup = new ApiLookup() {
        @Override
        public Optional<RegisteredApi> byId(String id) {
            return apis.values().stream().filter(api -> api.id().equals(id)).findFirst();
        }

        @Override
        public Optional<RegisteredApi> byIdentifier(String identifier) {
            return Optional.ofNullable(apis.get(identifier));
        }
    };

    IntrospectionTest() {
        register(client("pos"));
        register(client("other"));
        register(client("pos-rs"));
        api(POS_API, Optional.of("pos-rs"));
    }

    private static RegisteredClient client(String id) {
        return client(id, true, true, ISSUED.minusSeconds(86_400), Optional.empty());
    }

    private static RegisteredClient client(
            String id, boolean enabled, boolean flow, Instant createdAt, Optional<Instant> revokedBefore) {
        return new RegisteredClient(
                id,
                enabled,
                flow,
                Set.of("pos.sales.read"),
                Set.of("pos"),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                createdAt,
                revokedBefore);
    }

    private void register(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    private void api(String identifier, Optional<String> introspecting) {
        apis.put(
                identifier,
                new RegisteredApi(
                        "pos",
                        identifier,
                        "POS",
                        false,
                        Set.of("pos.sales.read"),
                        TokenFormat.RFC9068,
                        Optional.empty(),
                        true,
                        Optional.empty(),
                        introspecting));
    }

    private static TokenCheck token(String clientId, String jti) {
        return new TokenCheck.Valid(new AccessToken(
                jti,
                clientId,
                clientId,
                List.of(POS_API),
                TestTokens.ISSUER,
                ISSUED,
                ISSUED.plusSeconds(3600),
                Optional.empty(),
                Optional.of("pos.sales.read")));
    }

    private TokenCheck decide(TokenCheck verified, String caller) {
        return Introspection.decide(
                verified, caller, lookup, id -> Optional.ofNullable(clients.get(id)), revoked::contains);
    }

    private Reason reason(TokenCheck verified, String caller) {
        return assertInstanceOf(TokenCheck.Invalid.class, decide(verified, caller))
                .reason();
    }

    @Test
    void decideWhenCallerIsTheTokensClientThenActive() {
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenCallerIsTheIntrospectingClientOfTheTokensApiThenActive() {
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j1"), "pos-rs"));
    }

    @Test
    void decideWhenCallerIsAnotherApplicationThenNotTheCallers() {
        assertEquals(Reason.NOT_THE_CALLERS, reason(token("pos", "j1"), "other"));
    }

    @Test
    void decideWhenApiHasNoIntrospectingClientThenOnlyTheTokensClient() {
        api(POS_API, Optional.empty());
        assertEquals(Reason.NOT_THE_CALLERS, reason(token("pos", "j1"), "pos-rs"));
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenAStrangerAsksAboutARevokedTokenThenNotTheCallersBeforeAnyRevocationState() {
        revoked.add("j1");
        clients.remove("pos");
        assertEquals(Reason.NOT_THE_CALLERS, reason(token("pos", "j1"), "other"));
    }

    @Test
    void decideWhenNotVerifiedThenTheVerifiersReason() {
        for (Reason reason : List.of(
                Reason.MALFORMED, Reason.BAD_SIGNATURE, Reason.WRONG_ISSUER, Reason.EXPIRED, Reason.NOT_YET_VALID)) {
            assertEquals(reason, reason(TokenCheck.invalid(reason), "pos"));
        }
    }

    @Test
    void decideWhenJtiRevokedThenRevoked() {
        revoked.add("j1");
        assertEquals(Reason.REVOKED, reason(token("pos", "j1"), "pos"));
        assertEquals(Reason.REVOKED, reason(token("pos", "j1"), "pos-rs"));
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j2"), "pos"));
    }

    @Test
    void decideWhenApplicationDeletedThenApplicationGone() {
        clients.remove("pos");
        assertEquals(Reason.APPLICATION_GONE, reason(token("pos", "j1"), "pos-rs"));
    }

    @Test
    void decideWhenApplicationDeletedAndRegisteredAgainAfterTheTokenThenApplicationGone() {
        register(client("pos", true, true, ISSUED.plusSeconds(5), Optional.empty()));
        assertEquals(Reason.APPLICATION_GONE, reason(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenApplicationRegisteredInTheSameSecondAsTheTokenThenActive() {
        register(client("pos", true, true, ISSUED.plusMillis(700), Optional.empty()));
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenApplicationDisabledThenApplicationDisabled() {
        register(client("pos", false, true, ISSUED.minusSeconds(60), Optional.empty()));
        assertEquals(Reason.APPLICATION_DISABLED, reason(token("pos", "j1"), "pos-rs"));
    }

    @Test
    void decideWhenClientCredentialsFlowWithdrawnThenFlowWithdrawn() {
        register(client("pos", true, false, ISSUED.minusSeconds(60), Optional.empty()));
        assertEquals(Reason.FLOW_WITHDRAWN, reason(token("pos", "j1"), "pos-rs"));
    }

    @Test
    void decideWhenAllTokensRevokedAfterIssueThenAllRevoked() {
        register(client("pos", true, true, ISSUED.minusSeconds(60), Optional.of(ISSUED.plusSeconds(30))));
        assertEquals(Reason.ALL_REVOKED, reason(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenAllTokensRevokedInTheSameSecondThenAllRevoked() {
        register(client("pos", true, true, ISSUED.minusSeconds(60), Optional.of(ISSUED.plusMillis(400))));
        assertEquals(Reason.ALL_REVOKED, reason(token("pos", "j1"), "pos"));
    }

    @Test
    void decideWhenAllTokensRevokedBeforeIssueThenActive() {
        register(client("pos", true, true, ISSUED.minusSeconds(60), Optional.of(ISSUED.minusMillis(1))));
        assertInstanceOf(TokenCheck.Valid.class, decide(token("pos", "j1"), "pos"));
    }

    @Test
    void toJsonWhenActiveThenTheClaimsOfRfc7662() throws ParseException {
        Map<String, Object> body = JSONObjectUtils.parse(Introspection.toJson(token("pos", "j1")));
        assertEquals(true, body.get("active"));
        assertEquals("pos.sales.read", body.get("scope"));
        assertEquals("pos", body.get("client_id"));
        assertEquals("pos", body.get("sub"));
        assertEquals(POS_API, body.get("aud"));
        assertEquals(TestTokens.ISSUER, body.get("iss"));
        assertEquals(ISSUED.getEpochSecond() + 3600, ((Number) body.get("exp")).longValue());
        assertEquals(ISSUED.getEpochSecond(), ((Number) body.get("iat")).longValue());
        assertEquals("j1", body.get("jti"));
        assertEquals("Bearer", body.get("token_type"));
        assertFalse(body.containsKey("nbf"));
    }

    @Test
    void toJsonWhenInactiveForAnyReasonThenTheSameBody() {
        for (Reason reason : Reason.values()) {
            assertEquals("{\"active\":false}", Introspection.toJson(TokenCheck.invalid(reason)), reason.name());
        }
        assertTrue(Reason.values().length >= 11);
    }
}
