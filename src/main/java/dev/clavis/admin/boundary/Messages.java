package dev.clavis.admin.boundary;

import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Optional;

/** Shows the outcome of a change in a page: field errors next to their fields, the rest at the top. */
final class Messages {

    private Messages() {}

    /**
     * @return the value of a successful outcome; for any other outcome, empty, with its messages queued for the page
     *     (field errors next to their fields of {@code formId}, the rest at the top)
     */
    static <T> Optional<T> valueOrShowErrors(Outcome<T> outcome, String formId) {
        if (outcome instanceof Outcome.Done<T> done) {
            return Optional.of(done.value());
        }
        showErrors(outcome, formId);
        return Optional.empty();
    }

    /** For changes that end with no value (a deletion): whether it was done; if not, its messages are queued. */
    static boolean doneOrShowErrors(Outcome<?> outcome, String formId) {
        if (outcome instanceof Outcome.Done<?>) {
            return true;
        }
        showErrors(outcome, formId);
        return false;
    }

    private static void showErrors(Outcome<?> outcome, String formId) {
        if (outcome instanceof Outcome.Invalid<?> invalid) {
            fieldErrors(invalid.errors(), formId);
        } else if (outcome instanceof Outcome.Conflict<?> conflict) {
            error(
                    conflict.details().isEmpty()
                            ? conflict.reason()
                            : conflict.reason() + ": " + String.join(", ", conflict.details()));
        } else if (outcome instanceof Outcome.NotFound<?> notFound) {
            error(notFound.what() + " no longer exists.");
        } else {
            error("Someone else changed this since you opened the page. Reload it and make your change again.");
        }
    }

    static void fieldErrors(List<FieldError> errors, String formId) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : errors) {
            context.addMessage(
                    formId + ":" + error.field(), new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), null));
        }
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    static void error(String message) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** Keeps this request's messages for the page the browser is redirected to. */
    static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
