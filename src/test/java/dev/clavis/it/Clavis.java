package dev.clavis.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the Clavis under test, and the facts of this test run (base URL, bootstrap secret). */
final class Clavis {

    static final String FORM = "application/x-www-form-urlencoded";

    /** The form body of the one grant Clavis issues tokens for; tests append {@code &scope=...} and the like. */
    static final String GRANT = "grant_type=client_credentials";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Clavis() {}

    static String baseUrl() {
        return System.getProperty(IntegrationEnvironment.BASE_URL);
    }

    static URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /**
     * The readiness check: MicroProfile Health on the application's port on Payara, on the management interface on
     * WildFly (which serves /health there only).
     */
    static HttpResponse<String> readiness() {
        return send(HttpRequest.newBuilder(URI.create(System.getProperty(IntegrationEnvironment.HEALTH_URL) + "/ready"))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    static String bootstrapSecret() {
        return System.getProperty(IntegrationEnvironment.BOOTSTRAP_SECRET);
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs a form body to the token endpoint as given, with HTTP Basic when {@code clientId} is not null. */
    static HttpResponse<String> tokenRequest(String clientId, String secret, String form) {
        HttpRequest.Builder builder =
                request("/oauth2/token").header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientId != null) {
            builder.header("Authorization", basic(clientId, secret));
        }
        return send(builder.build());
    }

    /** RFC 6749 §2.3.1: the ID and secret are form-urlencoded before Basic encoding. */
    static String basic(String clientId, String secret) {
        String pair = urlencode(clientId) + ":" + urlencode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String urlencode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A token for the given client, asserting nothing: callers check what they need. */
    static String accessToken(String clientId, String secret) {
        HttpResponse<String> response = tokenRequest(clientId, secret, GRANT);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response.body()).get("access_token");
    }

    /** Calls the MP-JWT protected sample API, which answers with what it saw of the token. */
    static HttpResponse<String> whoami(String token) {
        return send(request("/api/whoami")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new AssertionError("Not a JSON object: " + body, e);
        }
    }

    /** Nimbus parses objects only, so the array is read as the member of one. */
    static List<Object> jsonArray(String body) {
        Object array = json("{\"a\":" + body + "}").get("a");
        return array instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }
}
