package dev.clavis.token.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * The successful response of RFC 6749 §5.1. There is never a refresh token (§4.4.3). {@code scope} is always sent,
 * even when it equals what was requested, so a client never has to guess what it got.
 */
public record TokenResponse(String accessToken, long expiresInSeconds, SortedSet<String> scope) {

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresInSeconds);
        body.put("scope", String.join(" ", scope));
        return JSONObjectUtils.toJSONString(body);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresInSeconds + ", scope=" + scope + ", accessToken=***]";
    }
}
