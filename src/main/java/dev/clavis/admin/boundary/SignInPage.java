package dev.clavis.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What the sign-in page shows: the form token and, after a post, its outcome ({@link SignInForm} answers the post
 * and leaves them in the request); and signing out.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    HttpServletRequest request;

    /** The view action of the sign-in page: the outcome of the post, if any, as the page's message. */
    public void showOutcome() {
        Object message = request.getAttribute(SignInForm.MESSAGE);
        if (message != null) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, (String) message, null));
        }
    }

    public String getToken() {
        return (String) request.getAttribute(SignInForm.TOKEN);
    }

    /** The name typed before, when it can be a username (so it is short and plain); empty otherwise. */
    public String getUsername() {
        Object typed = request.getAttribute(SignInForm.TYPED_USERNAME);
        return typed == null ? "" : (String) typed;
    }

    public String signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return AdminPageFilter.SIGN_IN + "?faces-redirect=true";
    }
}
