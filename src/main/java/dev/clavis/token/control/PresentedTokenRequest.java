package dev.clavis.token.control;

import java.util.Optional;

/**
 * A client-authenticated request about a token it presents: introspection (RFC 7662 §2.1) or revocation (RFC 7009
 * §2.1). {@link #toString()} never shows the token or the secret.
 *
 * @param credentials how the client authenticated
 * @param token the {@code token} parameter, unchecked
 * @param tokenTypeHint the {@code token_type_hint} parameter, if sent; any value
 */
public record PresentedTokenRequest(ClientCredentials credentials, String token, Optional<String> tokenTypeHint) {

    @Override
    public String toString() {
        return "PresentedTokenRequest[" + credentials + ", token=***, tokenTypeHint=" + tokenTypeHint + "]";
    }
}
