package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads client credentials from an HTTP Basic {@code Authorization} header (RFC 7617), where RFC 6749 §2.3.1 asks
 * that the client ID and secret be form-urlencoded before they are joined by a colon and base64-encoded.
 */
public final class BasicCredentials {

    private static final String SCHEME = "basic";

    private BasicCredentials() {}

    /** @return whether the header uses the Basic scheme at all (case-insensitive, RFC 7235 §2.1) */
    public static boolean isBasic(String header) {
        return header.length() >= SCHEME.length()
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    /**
     * @param header the whole header value, for example {@code Basic Y2xpZW50OnNlY3JldA==}
     * @throws OAuthException {@code invalid_request} when the header is malformed
     */
    public static ClientCredentials parse(String header) {
        if (!isBasic(header)) {
            throw malformed();
        }
        String token = header.substring(SCHEME.length()).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = indexOfColon(decoded);
        if (token.isEmpty() || colon < 0) {
            throw malformed();
        }
        String clientId = FormParser.decode(decoded, 0, colon);
        String secret = FormParser.decode(decoded, colon + 1, decoded.length);
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw malformed();
        }
        return new ClientCredentials(clientId, secret, ClientCredentials.Method.CLIENT_SECRET_BASIC);
    }

    private static int indexOfColon(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static OAuthException malformed() {
        return OAuthException.invalidRequest(
                "The Authorization header is malformed; expected Basic base64(urlencoded client_id:urlencoded client_secret)");
    }
}
