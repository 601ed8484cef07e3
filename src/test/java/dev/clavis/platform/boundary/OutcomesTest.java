package dev.clavis.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static Problem refused(Outcome<?> outcome) {
        return assertThrows(ProblemException.class, () -> Outcomes.valueOrThrow(outcome))
                .problem();
    }

    @Test
    void valueOrThrowWhenDoneThenTheValue() {
        assertEquals("created", Outcomes.valueOrThrow(new Outcome.Done<>("created")));
    }

    @Test
    void valueOrThrowWhenInvalidThenBadRequestWithEveryFieldError() {
        List<FieldError> errors = List.of(
                new FieldError("clientId", "Use 3 to 64 lower-case letters"),
                new FieldError("displayName", "Enter a friendly name"));

        Problem problem = refused(new Outcome.Invalid<>(errors));

        assertEquals(400, problem.status());
        assertEquals(errors, problem.errors());
    }

    @Test
    void valueOrThrowWhenNotFoundThenNotFoundNamingWhat() {
        Problem problem = refused(new Outcome.NotFound<>("Application back-office"));

        assertEquals(404, problem.status());
        assertEquals("Application back-office does not exist", problem.detail());
    }

    @Test
    void valueOrThrowWhenConflictWithDetailsThenConflictListingThem() {
        Problem problem = refused(
                new Outcome.Conflict<>("The role is granted to applications", List.of("back-office", "till-7")));

        assertEquals(409, problem.status());
        assertEquals("The role is granted to applications: back-office, till-7", problem.detail());
    }

    @Test
    void valueOrThrowWhenConflictWithoutDetailsThenConflictWithTheReasonOnly() {
        Problem problem = refused(new Outcome.Conflict<>("Built-in roles cannot be removed", List.of()));

        assertEquals(409, problem.status());
        assertEquals("Built-in roles cannot be removed", problem.detail());
    }

    @Test
    void valueOrThrowWhenStaleThenPreconditionFailed() {
        assertEquals(412, refused(new Outcome.Stale<>()).status());
    }

    @Test
    void noContentWhenNotFoundThenNotFoundBeforeAnyResponse() {
        ProblemException thrown = assertThrows(
                ProblemException.class, () -> Outcomes.noContent(new Outcome.NotFound<>("Role pos.refund")));

        assertEquals(404, thrown.problem().status());
    }
}
