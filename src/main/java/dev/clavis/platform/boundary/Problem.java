package dev.clavis.platform.boundary;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.platform.control.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details object, as the admin API answers every error. {@code errors} lists the fields that
 * failed validation (an extension member, §3.2).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    /** A problem for a status the container or JAX-RS decided on, in the words of {@link HttpErrorTexts}. */
    public static Problem of(int status) {
        return of(status, HttpErrorTexts.title(status), HttpErrorTexts.description(status));
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, "Some fields are not acceptable", errors);
    }

    public String toJson() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        if (errors != null) {
            members.put(
                    "errors",
                    errors.stream()
                            .map(error -> Map.of("field", error.field(), "message", error.message()))
                            .toList());
        }
        return JSONObjectUtils.toJSONString(members);
    }
}
