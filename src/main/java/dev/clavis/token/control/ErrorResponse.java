package dev.clavis.token.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders an {@link OAuthException} as the JSON body of RFC 6749 §5.2, and says which headers go with it:
 * {@code invalid_client} is a 401 and must name the scheme the client can use (§5.2, RFC 9110 §15.5.2).
 */
public final class ErrorResponse {

    public static final String REALM = "clavis";
    public static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    private ErrorResponse() {}

    public static String toJson(OAuthException exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", exception.error().code());
        body.put("error_description", exception.description());
        return JSONObjectUtils.toJSONString(body);
    }

    /** @return the {@code WWW-Authenticate} value to send, or null when none is due */
    public static String challenge(OAuthException exception) {
        return exception.status() == 401 ? BASIC_CHALLENGE : null;
    }
}
