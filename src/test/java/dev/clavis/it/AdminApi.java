package dev.clavis.it;

import static dev.clavis.it.Clavis.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls to the admin API under test, with a bearer token of the caller's choosing. */
final class AdminApi {

    private final String token;

    private AdminApi(String token) {
        this.token = token;
    }

    /** As the bootstrap application, which holds clavis-admin. */
    static AdminApi asAdmin() {
        return new AdminApi(Clavis.accessToken("clavis-admin", Clavis.bootstrapSecret()));
    }

    static AdminApi withToken(String token) {
        return new AdminApi(token);
    }

    HttpResponse<String> get(String path) {
        return send(authorized(path).GET().build());
    }

    /** Sends the body as given: for bodies {@link Json} cannot build, such as malformed ones. */
    HttpResponse<String> post(String path, String json) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> post(String path, Json body) {
        return post(path, body.toString());
    }

    HttpResponse<String> put(String path, String ifMatch, Json body) {
        return put(path, ifMatch, body.toString());
    }

    HttpResponse<String> put(String path, String ifMatch, String json) {
        HttpRequest.Builder builder = authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    /** For requests the helpers above cannot make: raw bodies, odd content types. */
    HttpRequest.Builder request(String path) {
        return authorized(path);
    }

    private HttpRequest.Builder authorized(String path) {
        return Clavis.request("/admin/api" + path).header("Authorization", "Bearer " + token);
    }
}
