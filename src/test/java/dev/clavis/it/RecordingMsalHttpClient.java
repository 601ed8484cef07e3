package dev.clavis.it;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * MSAL's transport swapped for the JDK's, to see what MSAL sends: which URLs, and the token request's form.
 * Everything above the transport (authority, discovery, request building, response parsing) stays MSAL's.
 */
final class RecordingMsalHttpClient implements IHttpClient {

    final List<String> requests = new ArrayList<>();
    private final HttpClient http;
    private String lastBody;
    private int lastStatus;

    RecordingMsalHttpClient(SSLContext tls) {
        http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
        requests.add(request.httpMethod() + " " + request.url());
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(request.url().toString())).timeout(Duration.ofSeconds(30));
        if (request.headers() != null) {
            request.headers().forEach(builder::header);
        }
        if (request.body() != null) {
            lastBody = request.body();
            builder.method(request.httpMethod().name(), HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            builder.method(request.httpMethod().name(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastStatus = response.statusCode();
        com.microsoft.aad.msal4j.HttpResponse answer = new com.microsoft.aad.msal4j.HttpResponse()
                .statusCode(response.statusCode())
                .body(response.body());
        answer.addHeaders(response.headers().map());
        return answer;
    }

    /** The status of the last answer MSAL got. */
    int lastStatus() {
        return lastStatus;
    }

    /** The last form MSAL posted, decoded. */
    Map<String, String> lastForm() {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : lastBody.split("&")) {
            int equals = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
