package dev.clavis.it;

/**
 * One page of the admin UI as a user meets it, for {@link AdminPagesIT}: a subclass offers the steps a user takes on
 * its page, so that a test reads as those steps and each element id is written down once. A page object holds no
 * state of its own; it reads and drives whatever the browser shows, so the same object serves every test.
 */
abstract class AdminPageObject {

    final Browser browser;
    private final String path;

    AdminPageObject(Browser browser, String path) {
        this.browser = browser;
        this.path = path;
    }

    /** Whether the browser shows this page now: a step that failed, or a guard, leaves it on another. */
    boolean isShown() {
        return browser.currentUrl().endsWith(path);
    }

    /** The messages at the top of the page: confirmations, and errors that belong to no single field. */
    String messages() {
        return browser.find("#messages").getText();
    }

    /** The client secret shown once, after adding an application or a secret. */
    String revealedSecret() {
        return browser.byId("secret-value").getText();
    }

    /** The button in the header of every page but sign-in. */
    void signOut() {
        browser.click("signout:signOut");
    }
}
