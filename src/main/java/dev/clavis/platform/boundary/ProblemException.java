package dev.clavis.platform.boundary;

import dev.clavis.platform.control.FieldError;
import java.util.List;

/** Ends an admin API request with a problem details response. Thrown at the boundary; no stack trace. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException of(int status, String title, String detail) {
        return new ProblemException(Problem.of(status, title, detail));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException notFound(String what) {
        return of(404, "Not found", what + " does not exist");
    }

    public Problem problem() {
        return problem;
    }
}
