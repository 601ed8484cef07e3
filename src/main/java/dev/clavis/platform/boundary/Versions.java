package dev.clavis.platform.boundary;

import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency for the admin API (RFC 9110 §8.8.3, §13.1.1): a resource's version is its ETag, and a
 * change must name the version it was based on in {@code If-Match}.
 */
public final class Versions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,18})\"");

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @return the version named in {@code If-Match}
     * @throws ProblemException 428 when the header is missing, 412 when it names no version of this resource
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(
                    428,
                    "Precondition required",
                    "Send If-Match with the ETag of the version you changed, so that no one else's change is lost");
        }
        // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches, and only the exact tag we issue does.
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw stale();
        }
        try {
            return Long.parseLong(tag.group(1));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return ProblemException.of(
                412,
                "Precondition failed",
                "The resource was changed since you read it; read it again and reapply your change");
    }
}
