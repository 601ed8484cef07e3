package dev.clavis.revocation.control;

import dev.clavis.api.control.ApiDirectory;
import dev.clavis.application.control.ClientSnapshotCache;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.token.control.ClientAuthenticator;
import dev.clavis.token.control.PresentedTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Token introspection (RFC 7662): authenticates the caller as the token endpoint does (same throttle, same answers),
 * then answers from memory: no database write, and a read only when a client snapshot is cold.
 */
@ApplicationScoped
public class TokenIntrospector {

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    PublishedKeyVerifier verifier;

    @Inject
    ClientSnapshotCache clients;

    @Inject
    ApiDirectory apis;

    @Inject
    RevokedTokens revoked;

    /**
     * @param source where the request comes from, for the guessing throttle
     * @return the §2.2 response body
     * @throws dev.clavis.platform.control.OAuthException {@code invalid_client} when the caller does not authenticate
     */
    public String introspect(PresentedTokenRequest request, String source) {
        RegisteredClient caller = authenticator.authenticate(request.credentials(), source);
        // token_type_hint: Clavis has one type of token, so any hint is ignored (§2.1)
        TokenCheck decision = Introspection.decide(
                verifier.verify(request.token()), caller.clientId(), apis, clients::find, revoked::isRevoked);
        return Introspection.toJson(decision);
    }
}
