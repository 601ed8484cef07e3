package dev.clavis.platform.boundary;

import dev.clavis.platform.control.Outcome;
import jakarta.ws.rs.core.Response;

/** Turns the outcome of an administrative change into an HTTP answer (RFC 9110 status codes, RFC 9457 bodies). */
public final class Outcomes {

    private Outcomes() {}

    /**
     * @return the value of a successful outcome
     * @throws ProblemException with 400, 404, 409 or 412 for the others
     */
    public static <T> T valueOrThrow(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        if (outcome instanceof Outcome.Invalid<T> invalid) {
            throw ProblemException.invalid(invalid.errors());
        }
        if (outcome instanceof Outcome.NotFound<T> notFound) {
            throw ProblemException.notFound(notFound.what());
        }
        if (outcome instanceof Outcome.Conflict<T> conflict) {
            String detail = conflict.details().isEmpty()
                    ? conflict.reason()
                    : conflict.reason() + ": " + String.join(", ", conflict.details());
            throw ProblemException.of(409, "Conflict", detail);
        }
        throw Versions.stale();
    }

    public static Response noContent(Outcome<?> outcome) {
        valueOrThrow(outcome);
        return Response.noContent().build();
    }
}
