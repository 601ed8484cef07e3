package dev.clavis.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.it.HostileRequest.Option;
import dev.clavis.it.HostileRequest.Shape;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer to a hostile request must be, as the README documents it: no 5xx but a 503 with
 * {@code Retry-After}; errors in the shape of the endpoint (RFC 6749 §5.2 JSON with {@code Cache-Control: no-store}
 * at the token endpoint, RFC 9457 problem details in the admin API, JSON {@code error} in the sample API and
 * elsewhere, a small HTML page of Clavis's own in the admin pages); never a stack trace, a container's error page, a
 * file of the WAR or a secret that was sent; never access for a forged credential.
 */
final class AnswerRules {

    private static final Set<String> TOKEN_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "temporarily_unavailable",
            "server_error");

    /** Names Faces writes into every page; anything else in {@code jakarta.} is an inside showing. */
    private static final Pattern FACES_NAMES =
            Pattern.compile("jakarta\\.faces\\.(ViewState|resource|ClientWindow|RenderKitId|source|partial\\.\\w+)");

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\([\\w$. :]*\\)");

    private static final List<String> INSIDES = List.of(
            "Exception",
            "Caused by:",
            "at dev.clavis",
            "java.lang.",
            "org.glassfish",
            "fish.payara",
            "org.eclipse.persistence",
            "org.postgresql",
            "SQLState");

    private static final List<String> CONTAINER_PAGES =
            List.of("Payara Micro - Error report", "Error report", "GlassFish", "Grizzly", "Apache Tomcat");

    private static final List<String> WAR_FILES = List.of(
            "<web-app",
            "<persistence",
            "<beans",
            "<faces-config",
            "mp.jwt.verify",
            "clavis.db.",
            "PRIVATE KEY",
            "<ui:composition");

    private final List<String> alwaysSecret;

    /** @param alwaysSecret what must never appear in any answer (the bootstrap secret, the admin's password...) */
    AnswerRules(List<String> alwaysSecret) {
        this.alwaysSecret = List.copyOf(alwaysSecret);
    }

    /** @return what is wrong with the answer, as "rule: detail"; empty when nothing is */
    List<String> violations(HostileRequest request, RawHttp.Response response) {
        List<String> found = new ArrayList<>();
        int status = response.status();
        String body = response.text();
        boolean bodiless = response.body().length == 0;
        if (status == -1) {
            found.add("not HTTP: " + response.reason());
            return found;
        }
        if (status == 0) {
            // RFC 9112 §9.6: to a request cut short the server MAY answer before closing; closing is an answer too
            if (!request.has(Option.MAY_DROP) && !request.has(Option.PROTOCOL) && !request.has(Option.TRUNCATED)) {
                found.add("no answer: the connection closed without a response");
            }
            return found;
        }
        // The HTTP layer's bodiless 505 (a version other than HTTP/1.x, RFC 9110 §15.6.6) and 501 (an unknown
        // transfer coding, RFC 9112 §6.1) to a malformed request are the answers the RFCs prescribe, not failures.
        boolean prescribedByHttp = request.has(Option.PROTOCOL) && bodiless && (status == 505 || status == 501);
        if (status >= 500
                && !prescribedByHttp
                && !(status == 503 && response.header("Retry-After").isPresent())) {
            found.add("5xx: " + status);
        }
        if ((status == 429 || status == 503) && response.header("Retry-After").isEmpty()) {
            found.add("shape: " + status + " without Retry-After");
        }
        for (String page : CONTAINER_PAGES) {
            if (body.contains(page)) {
                found.add("container error page: contains '" + page + "'");
            }
        }
        String type = response.header("Content-Type").orElse("");
        boolean script = type.startsWith("application/javascript") || type.startsWith("text/css");
        String withoutFacesNames = script ? "" : FACES_NAMES.matcher(body).replaceAll("");
        for (String inside : INSIDES) {
            if (withoutFacesNames.contains(inside)) {
                found.add("stack trace or class name: contains '" + inside + "'");
            }
        }
        if (withoutFacesNames.contains("jakarta.")) {
            found.add("stack trace or class name: contains 'jakarta.'");
        }
        if (!script && STACK_FRAME.matcher(body).find()) {
            found.add("stack trace: a stack frame");
        }
        for (String file : WAR_FILES) {
            if (body.contains(file)) {
                found.add("file of the WAR served: contains '" + file + "'");
            }
        }
        List<String> secrets = new ArrayList<>(alwaysSecret);
        secrets.addAll(request.secrets());
        for (String secret : secrets) {
            if (secret.length() >= 8 && (body.contains(secret) || headersContain(response, secret))) {
                found.add("secret echoed: a " + secret.length() + "-character value the request sent");
            }
        }
        if (request.has(Option.MUST_BE_REFUSED) && status >= 200 && status < 300) {
            found.add("forged or wrong credential accepted: " + status);
        }
        if (request.has(Option.MUST_BE_404) && status != 404) {
            found.add("address exists: " + status + " instead of 404");
        }
        if (request.has(Option.ANONYMOUS) && body.contains("Signed in as")) {
            found.add("signed-in page without sign-in");
        }
        boolean containerRefusal =
                request.has(Option.PROTOCOL) && bodiless && status >= 400 && (status < 500 || prescribedByHttp);
        boolean http09 = request.version().isEmpty(); // answered without headers, so without a content type
        if (status >= 400 && !containerRefusal && !http09 && !request.method().equals("HEAD")) {
            shape(request.shape(), response, body).ifPresent(problem -> found.add("shape: " + problem));
        }
        if (request.shape() == Shape.TOKEN
                && !containerRefusal
                && !response.header("Cache-Control").orElse("").contains("no-store")) {
            found.add("shape: token endpoint answer without Cache-Control: no-store (" + status + ")");
        }
        if (request.shape() == Shape.OAUTH
                && status == 200
                && request.method().equals("GET")
                && request.target().startsWith("/oauth2/jwks")) {
            jwksHasPrivateParts(body).ifPresent(found::add);
        }
        return found;
    }

    private static boolean headersContain(RawHttp.Response response, String secret) {
        return response.headers().values().stream().flatMap(List::stream).anyMatch(value -> value.contains(secret));
    }

    private static Optional<String> shape(Shape shape, RawHttp.Response response, String body) {
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int status = response.status();
        return switch (shape) {
            case TOKEN, OAUTH -> oauthError(type, body, status);
            case BEARER -> bearerError(type, body, status, response);
            case PROBLEM -> problem(type, body, status);
            case PAGE -> page(type, body);
            case SERVER -> type.contains("html") || body.contains("<html")
                    ? Optional.of("an HTML error page from the server")
                    : Optional.empty();
            case ANY -> oauthError(type, body, status).isEmpty()
                            || problem(type, body, status).isEmpty()
                            || page(type, body).isEmpty()
                    ? Optional.empty()
                    : Optional.of("none of the documented shapes (" + type + "): " + start(body));
        };
    }

    private static Optional<String> oauthError(String type, String body, int status) {
        if (!type.startsWith("application/json")) {
            return Optional.of(status + " as '" + type + "', not JSON: " + start(body));
        }
        Map<String, Object> json = object(body);
        if (json == null || !(json.get("error") instanceof String error)) {
            return Optional.of(status + " without an error member: " + start(body));
        }
        if (!TOKEN_ERRORS.contains(error) && !error.matches("[a-z_]+")) {
            return Optional.of(status + " with error '" + error + "'");
        }
        Object description = json.get("error_description");
        return description == null || description instanceof String
                ? Optional.empty()
                : Optional.of("error_description is not a string");
    }

    private static Optional<String> bearerError(String type, String body, int status, RawHttp.Response response) {
        Optional<String> json = oauthError(type, body, status);
        if (json.isPresent()) {
            return json;
        }
        return status == 401 && response.header("WWW-Authenticate").isEmpty()
                ? Optional.of("401 without WWW-Authenticate")
                : Optional.empty();
    }

    private static Optional<String> problem(String type, String body, int status) {
        if (!type.startsWith("application/problem+json")) {
            return Optional.of(status + " as '" + type + "', not problem+json: " + start(body));
        }
        Map<String, Object> json = object(body);
        if (json == null
                || !(json.get("status") instanceof Number number)
                || number.intValue() != status
                || !(json.get("title") instanceof String)) {
            return Optional.of(status + " problem without a matching status and a title: " + start(body));
        }
        return Optional.empty();
    }

    private static Optional<String> page(String type, String body) {
        if (!type.startsWith("text/html")) {
            return Optional.of("a page error as '" + type + "': " + start(body));
        }
        if (body.length() > 16 * 1024 || !body.contains("<h1>")) {
            return Optional.of("not Clavis's small error page (" + body.length() + " chars): " + start(body));
        }
        return Optional.empty();
    }

    private static Optional<String> jwksHasPrivateParts(String body) {
        Map<String, Object> json = object(body);
        if (json == null || !(json.get("keys") instanceof List<?> keys)) {
            return Optional.of("shape: JWKS without keys");
        }
        for (Object key : keys) {
            if (key instanceof Map<?, ?> jwk) {
                for (String part : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                    if (jwk.containsKey(part)) {
                        return Optional.of("private key material in the JWKS: " + part);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> object(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return null;
        }
    }

    /** The answer in one short line for the report, with every secret it may hold masked. */
    String summary(HostileRequest request, RawHttp.Response response) {
        String text = response.status() + " " + response.headers().getOrDefault("content-type", List.of()) + " "
                + response.text();
        List<String> secrets = new ArrayList<>(alwaysSecret);
        secrets.addAll(request.secrets());
        for (String secret : secrets) {
            if (secret.length() >= 8) {
                text = text.replace(secret, "***");
            }
        }
        return start(text);
    }

    static String start(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return HostileRequest.visible(oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine);
    }
}
