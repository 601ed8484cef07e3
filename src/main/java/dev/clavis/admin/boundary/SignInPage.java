package dev.clavis.admin.boundary;

import dev.clavis.admin.control.AdminSignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** The sign-in form, and signing out. */
@Named
@RequestScoped
public class SignInPage {

    static final String FAILED = "Sign-in failed: the username or password is not correct.";

    @Inject
    AdminSignIn signIn;

    @Inject
    HttpServletRequest request;

    private String username;
    private String password;

    public String signIn() {
        AdminSignIn.Result result = signIn.signIn(username, password, request.getRemoteAddr());
        password = null;
        if (result instanceof AdminSignIn.SignedIn signedIn) {
            // A new session ID at sign-in: an ID planted before it is worth nothing after it.
            request.getSession(true);
            request.changeSessionId();
            HttpSession session = request.getSession();
            session.setAttribute(AdminSession.USERNAME, signedIn.username());
            strictSessionCookie(session);
            return AdminPageFilter.HOME + "?faces-redirect=true";
        }
        String message = result instanceof AdminSignIn.Throttled throttled
                ? "Too many failed sign-ins. Wait "
                        + Math.max(1, throttled.retryAfter().toSeconds()) + " seconds and try again."
                : FAILED;
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        return null;
    }

    /**
     * Sends the signed-in session's cookie again with SameSite=Strict, so that no other site can make the browser use
     * it. {@link SessionCookiePolicy} asks the container for this, but not every container writes the attribute
     * (Payara 6 does not); a second Set-Cookie for the same cookie replaces the first in the browser.
     */
    private void strictSessionCookie(HttpSession session) {
        var config = request.getServletContext().getSessionCookieConfig();
        String name = config.getName() == null ? "JSESSIONID" : config.getName();
        String path = config.getPath() != null
                ? config.getPath()
                : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        HttpServletResponse response = (HttpServletResponse)
                FacesContext.getCurrentInstance().getExternalContext().getResponse();
        response.addHeader(
                "Set-Cookie",
                name + "=" + session.getId() + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                        + (request.isSecure() ? "; Secure" : ""));
    }

    public String signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return AdminPageFilter.SIGN_IN + "?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
