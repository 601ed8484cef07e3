package dev.clavis.token.control;

import java.util.Optional;

/**
 * A syntactically valid token request (RFC 6749 §4.4.2). Whether the client, grant and scope are acceptable is
 * decided later.
 *
 * @param grantType the {@code grant_type} parameter
 * @param credentials how the client authenticated
 * @param scope the {@code scope} parameter, if sent
 */
public record TokenRequest(String grantType, ClientCredentials credentials, Optional<String> scope) {}
