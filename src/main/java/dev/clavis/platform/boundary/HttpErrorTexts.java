package dev.clavis.platform.boundary;

/**
 * What an error status means, in words for the caller, for the errors the container or JAX-RS produce before any of
 * Clavis's own code can say more. One table for every response shape (OAuth, problem details, bearer errors).
 */
public final class HttpErrorTexts {

    private HttpErrorTexts() {}

    /** A short title, as RFC 9457 §3.1.4 asks for problem details. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Refused";
        };
    }

    /** A sentence that says what was wrong and, where it helps, what to do; never anything about the inside. */
    public static String description(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "A valid bearer access token is required";
            case 403 -> "The access token does not carry a role this resource requires";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept this method";
            case 406 -> "This address answers in application/json only";
            case 413 -> "The request is too large";
            case 415 -> "The request has an unsupported content type";
            case 503 -> "The server cannot handle the request right now; nothing was changed. Try again in a few seconds";
            default -> status >= 500 ? "The server failed to handle the request" : "The request was refused";
        };
    }
}
