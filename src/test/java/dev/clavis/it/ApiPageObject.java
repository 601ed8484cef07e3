package dev.clavis.it;

import java.net.URI;
import org.openqa.selenium.By;

/** One API: change it, delete it after a confirmation naming the applications that may call it. */
final class ApiPageObject extends AdminPageObject {

    static final String PATH = "/admin/api.xhtml";

    ApiPageObject(Browser browser) {
        super(browser, PATH);
    }

    @Override
    boolean isShown() {
        return URI.create(browser.currentUrl()).getPath().endsWith(PATH);
    }

    void open(String id) {
        browser.open(PATH + "?id=" + id);
    }

    /** The API's ID, from the address of its page. */
    String id() {
        String query = URI.create(browser.currentUrl()).getQuery();
        return query.replaceAll("^(?:.*&)?id=([^&]+).*$", "$1");
    }

    /** The identifier in the heading of the page, as saved. */
    String identifier() {
        return browser.byId("identifier").getText();
    }

    void tickRole(String role) {
        browser.check("api:roles", role);
    }

    void untickRole(String role) {
        browser.uncheck("api:roles", role);
    }

    void save() {
        browser.click("api:save");
    }

    /** Whether the page offers a form to change the API; a built-in API's page does not. */
    boolean offersChanges() {
        return !browser.driver().findElements(By.id("api:save")).isEmpty();
    }

    /** Asks to delete the API, which shows a confirmation naming the applications that may call it. */
    void askToDelete() {
        browser.click("api:askDelete");
    }

    String deleteConfirmation() {
        return browser.byId("api:confirm").getText();
    }

    void cancelDelete() {
        browser.click("api:cancelDelete");
    }

    /** Deletes the API ("Delete anyway" when applications may call it), which leads back to the list of APIs. */
    void confirmDelete() {
        browser.click("api:confirmDelete");
    }

    /** The list of applications that may call it, as text. */
    String grantees() {
        return browser.find("#callers-card").getText();
    }
}
