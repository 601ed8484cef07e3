package dev.clavis.api.control;

import java.util.List;

/**
 * What an administrator submits to add or change an API, from the admin API or the pages, before any rule is checked.
 *
 * @param identifier the absolute URI that becomes the tokens' {@code aud}
 * @param displayName a friendly name
 * @param roles the roles it understands
 * @param everyRole whether it understands every role but {@code clavis-admin}, also roles added later (then
 *     {@code roles} is ignored); null means no
 * @param tokenFormat {@code RFC9068} or {@code MICROPROFILE}; null means RFC 9068
 * @param accessTokenLifetimeSeconds the longest lifetime of its tokens; null means the server's default
 * @param enabled null means yes
 * @param signingAlgorithm the JWS algorithm to sign its tokens with ({@code RS256}, {@code ES256}, {@code PS256},
 *     {@code EdDSA}) for a resource server that verifies only that one; null or empty means the configured one
 * @param introspectingClient the client ID of the application that may introspect this API's tokens (RFC 7662): its
 *     resource server's own credentials; null or empty for none
 */
public record ApiForm(
        String identifier,
        String displayName,
        List<String> roles,
        Boolean everyRole,
        String tokenFormat,
        Integer accessTokenLifetimeSeconds,
        Boolean enabled,
        String signingAlgorithm,
        String introspectingClient) {}
