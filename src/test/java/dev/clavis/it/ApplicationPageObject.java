package dev.clavis.it;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * One application: its details, roles and APIs, enabling and deleting it, its secrets, and how to connect to Clavis.
 */
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

    /** Ticks an API among "APIs this application may call", by the API's ID. */
    void tickApi(String apiId) {
        browser.check("details:apis", apiId);
    }

    void untickApi(String apiId) {
        browser.uncheck("details:apis", apiId);
    }

    /** The APIs it may be granted, as the checkboxes label them. */
    String apiChoices() {
        return browser.byId("details:apis").getText();
    }

    /** The IDs of the APIs it is granted, as ticked. */
    List<String> tickedApis() {
        return browser.driver().findElements(By.cssSelector("input[name='details:apis']")).stream()
                .filter(WebElement::isSelected)
                .map(box -> box.getAttribute("value"))
                .toList();
    }

    /** Chooses the Default API by ID, or none with an empty ID. */
    void chooseDefaultApi(String apiId) {
        new Select(browser.byId("details:defaultApi")).selectByValue(apiId);
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

    /** The curl example with HTTP Basic authentication, for the first API (the default one, if any). */
    String basicExample() {
        return browser.byId("example-basic-0").getText();
    }

    /** The curl example with the credentials in the form body, for the first API. */
    String postExample() {
        return browser.byId("example-post-0").getText();
    }

    /** The identifiers of the APIs the panel shows requests for, in order. */
    List<String> connectedIdentifiers() {
        return browser.driver().findElements(By.cssSelector("#connect .connection")).stream()
                .map(section -> section.getAttribute("data-identifier"))
                .toList();
    }

    /** The curl example with HTTP Basic for the API with this identifier. */
    String basicExampleFor(String identifier) {
        return connection(identifier, ".example-basic");
    }

    String postExampleFor(String identifier) {
        return connection(identifier, ".example-post");
    }

    /** The scope MSAL asks for, for the API with this identifier. */
    String msalScopeFor(String identifier) {
        return connection(identifier, ".msal-scope");
    }

    String msalNetExampleFor(String identifier) {
        return connection(identifier, ".example-msal-net");
    }

    /** The roles the panel says the API's tokens carry, as shown ("[a, b]"). */
    String rolesFor(String identifier) {
        return connection(identifier, ".roles");
    }

    private String connection(String identifier, String part) {
        return browser.driver().findElements(By.cssSelector("#connect .connection")).stream()
                .filter(section -> identifier.equals(section.getAttribute("data-identifier")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request shown for " + identifier))
                .findElement(By.cssSelector(part))
                .getText();
    }
}
