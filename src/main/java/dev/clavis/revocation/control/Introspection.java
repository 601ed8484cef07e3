package dev.clavis.revocation.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.api.control.ApiLookup;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.revocation.control.TokenCheck.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The decision table of token introspection (RFC 7662 §2.2). A token is active for a caller when it verifies
 * ({@link AccessTokenVerifier}), the caller may see it, and it still counts ({@link TokenLiveness}).
 *
 * <p>Who may see a token: the application it was issued to, and the application marked as the introspecting client of
 * the token's API (its resource server, §2.1 "the protected resource"). Anyone else gets the answer an invalid token
 * gets (§2.2: "the authorization server MAY respond with an inactive token"), so introspection cannot tell another
 * application whether a token it found is valid, revoked or real (§4). The caller is checked before anything that is
 * not in the token itself, so what the answer to a stranger costs does not depend on the token's revocation state.
 */
public final class Introspection {

    private Introspection() {}

    /**
     * @param verified what {@link AccessTokenVerifier} found
     * @param callerClientId the authenticated caller
     */
    public static TokenCheck decide(
            TokenCheck verified,
            String callerClientId,
            ApiLookup apis,
            Function<String, Optional<RegisteredClient>> clients,
            Predicate<String> revoked) {
        if (!(verified instanceof TokenCheck.Valid valid)) {
            return verified;
        }
        AccessToken token = valid.token();
        if (!maySee(callerClientId, token, apis)) {
            return TokenCheck.invalid(Reason.NOT_THE_CALLERS);
        }
        Optional<Reason> dead = TokenLiveness.check(token.clientId(), token.jti(), token.issuedAt(), clients, revoked);
        return dead.<TokenCheck>map(TokenCheck.Invalid::new).orElse(verified);
    }

    /**
     * The response of §2.2: for an active token {@code active}, {@code scope}, {@code client_id}, {@code sub},
     * {@code aud}, {@code iss}, {@code exp}, {@code iat}, {@code nbf} if the token has one, {@code jti} and {@code
     * token_type}; for anything else only {@code "active": false}, the same for every reason.
     */
    public static String toJson(TokenCheck decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!(decision instanceof TokenCheck.Valid valid)) {
            body.put("active", false);
            return JSONObjectUtils.toJSONString(body);
        }
        AccessToken token = valid.token();
        body.put("active", true);
        token.scope().ifPresent(scope -> body.put("scope", scope));
        body.put("client_id", token.clientId());
        body.put("sub", token.subject());
        body.put("aud", token.audience().size() == 1 ? token.audience().get(0) : token.audience());
        body.put("iss", token.issuer());
        body.put("exp", token.expiresAt().getEpochSecond());
        body.put("iat", token.issuedAt().getEpochSecond());
        token.notBefore().ifPresent(nbf -> body.put("nbf", nbf.getEpochSecond()));
        body.put("jti", token.jti());
        body.put("token_type", "Bearer"); // RFC 6749 §7.1, as §2.2 asks
        return JSONObjectUtils.toJSONString(body);
    }

    static boolean maySee(String callerClientId, AccessToken token, ApiLookup apis) {
        if (callerClientId.equals(token.clientId())) {
            return true;
        }
        for (String audience : token.audience()) {
            Optional<String> introspecting = apis.byIdentifier(audience).flatMap(RegisteredApi::introspectingClientId);
            if (introspecting.isPresent() && introspecting.get().equals(callerClientId)) {
                return true;
            }
        }
        return false;
    }
}
