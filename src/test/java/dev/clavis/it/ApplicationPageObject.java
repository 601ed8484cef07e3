package dev.clavis.it;

/** One application: its details and roles, enabling and deleting it, its secrets, and how to connect to Clavis. */
final class ApplicationPageObject extends AdminPageObject {

    static final String PATH = "/admin/application.xhtml";

    ApplicationPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open(String clientId) {
        browser.open(PATH + "?clientId=" + clientId);
    }

    void tickRole(String role) {
        browser.check("details:roles", role);
    }

    void untickRole(String role) {
        browser.uncheck("details:roles", role);
    }

    void save() {
        browser.click("details:save");
    }

    /** The Disable button, or Enable once disabled. */
    void toggleEnabled() {
        browser.click("details:toggle");
    }

    /** The status line: Enabled or Disabled, and why that matters. */
    String status() {
        return browser.byId("status").getText();
    }

    /** Asks to delete the application, which shows a confirmation rather than deleting. */
    void askToDelete() {
        browser.click("details:askDelete");
    }

    String deleteConfirmation() {
        return browser.byId("details:confirm").getText();
    }

    void cancelDelete() {
        browser.click("details:cancelDelete");
    }

    /** Deletes the application, which leads back to the list of applications. */
    void confirmDelete() {
        browser.click("details:confirmDelete");
    }

    /** Adds a generated secret, which the page then reveals once. */
    void addSecret() {
        browser.click("secrets:addSecret");
    }

    /** Revokes the secret whose last four characters are {@code hint}, as the list of secrets shows them. */
    void revokeSecretEndingIn(String hint) {
        browser.clickAndWait(browser.find("input[aria-label='Revoke the secret ending in " + hint + "']"));
    }

    // --- the "Connect your application" panel ---

    String connectPanel() {
        return browser.find("#connect").getText();
    }

    String issuer() {
        return browser.byId("issuer").getText();
    }

    String tokenEndpoint() {
        return browser.byId("tokenEndpoint").getText();
    }

    /** The curl example with HTTP Basic authentication. */
    String basicExample() {
        return browser.byId("example-basic").getText();
    }

    /** The curl example with the credentials in the form body. */
    String postExample() {
        return browser.byId("example-post").getText();
    }
}
