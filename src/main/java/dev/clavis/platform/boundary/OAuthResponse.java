package dev.clavis.platform.boundary;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.platform.control.OAuthException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the responses of the OAuth endpoints: JSON, never cached (RFC 6749 §5.1), and errors in the shape of
 * RFC 6749 §5.2 with the headers that go with them: {@code WWW-Authenticate} for {@code invalid_client} (a 401 must
 * name the scheme the client can use), {@code Retry-After} when the caller is asked to wait. The one place these
 * responses are rendered, for the endpoints and for the container's error page alike.
 */
public final class OAuthResponse {

    private OAuthResponse() {}

    public static void writeJson(HttpServletResponse response, int status, String json) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        StatusLine.set(response, status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    public static void writeError(HttpServletResponse response, OAuthException exception) throws IOException {
        challenge(exception).ifPresent(challenge -> response.setHeader("WWW-Authenticate", challenge));
        if (exception.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(exception.retryAfterSeconds()));
        }
        writeJson(response, exception.status(), toJson(exception));
    }

    /**
     * An error of a protected resource (RFC 6750 §3): {@code error} and {@code error_description}, with the bearer
     * challenge on 401.
     */
    public static void writeBearerError(HttpServletResponse response, int status, boolean tokenSent)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", Challenges.bearer(tokenSent));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", bearerErrorCode(status, tokenSent));
        body.put("error_description", HttpErrorTexts.description(status));
        writeJson(response, status, JSONObjectUtils.toJSONString(body));
    }

    public static String toJson(OAuthException exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", exception.error().code());
        body.put("error_description", exception.description());
        return JSONObjectUtils.toJSONString(body);
    }

    /** @return the {@code WWW-Authenticate} value to send, if one is due */
    public static Optional<String> challenge(OAuthException exception) {
        return exception.status() == 401 ? Optional.of(Challenges.BASIC) : Optional.empty();
    }

    private static String bearerErrorCode(int status, boolean tokenSent) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> tokenSent ? "invalid_token" : "unauthorized";
            case 403 -> "insufficient_scope";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
