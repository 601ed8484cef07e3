package dev.clavis.token.control;

import java.util.Optional;

/**
 * A syntactically valid token request (RFC 6749 §4.4.2). Whether the client, grant and scope are acceptable is
 * decided later.
 *
 * @param grantType the {@code grant_type} parameter
 * @param credentials how the client authenticated
 * @param scope the roles the {@code scope} parameter asks for, if it asks for any
 * @param target the API the token is for, as the request named it ({@code resource}, {@code audience} or
 *     {@code {identifier}/.default} in the scope), not yet checked; empty for the application's default API
 */
public record TokenRequest(
        String grantType, ClientCredentials credentials, Optional<String> scope, Optional<String> target) {}
