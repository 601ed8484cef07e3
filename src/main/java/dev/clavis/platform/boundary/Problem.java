package dev.clavis.platform.boundary;

import dev.clavis.platform.control.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem details object, as the admin API answers every error. {@code errors} lists the fields that
 * failed validation (an extension member, §3.2).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, "Some fields are not acceptable", errors);
    }
}
