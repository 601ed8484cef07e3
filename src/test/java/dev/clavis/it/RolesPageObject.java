package dev.clavis.it;

import org.openqa.selenium.By;

/** The roles: the built-in ones, custom ones to create, and deleting those with a confirmation naming holders. */
final class RolesPageObject extends AdminPageObject {

    static final String PATH = "/admin/roles.xhtml";

    RolesPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    /** Fills in the "Create a role" form and sends it. */
    void create(String name, String description) {
        browser.type("create:name", name);
        browser.type("create:description", description);
        browser.click("create:createRole");
    }

    /** The table of roles, as text. */
    String table() {
        return browser.find("#roles").getText();
    }

    /** Whether the role's row has a Delete button; built-in roles have none. */
    boolean offersToDelete(String role) {
        return !browser.driver().findElements(deleteButton(role)).isEmpty();
    }

    /** Asks to delete the role, which shows a confirmation naming the applications that hold it. */
    void askToDelete(String role) {
        browser.clickAndWait(browser.driver().findElement(deleteButton(role)));
    }

    String deleteConfirmation() {
        return browser.byId("list:confirm").getText();
    }

    void confirmDelete() {
        browser.click("list:confirmDelete");
    }

    private static By deleteButton(String role) {
        return By.cssSelector("input[aria-label='Delete " + role + "']");
    }
}
