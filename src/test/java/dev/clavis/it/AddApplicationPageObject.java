package dev.clavis.it;

import org.openqa.selenium.By;

/** The seeds' "Add an application" form; once saved, it shows the new secret instead. */
final class AddApplicationPageObject extends AdminPageObject {

    static final String PATH = "/admin/add-application.xhtml";

    AddApplicationPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    void enterClientId(String clientId) {
        browser.type("add:clientId", clientId);
    }

    void enterDisplayName(String displayName) {
        browser.type("add:displayName", displayName);
    }

    /** Chooses to enter a secret rather than have one generated (a radio button: no page load), and enters it. */
    void enterOwnSecret(String secret) {
        browser.find("input[name='add:secretChoice'][value='false']").click();
        browser.type("add:clientSecret", secret);
    }

    void tickRole(String role) {
        browser.check("add:roles", role);
    }

    void save() {
        browser.click("add:save");
    }

    /** The text of the block around a field ({@code clientId}, say), where the field's own message appears. */
    String fieldText(String field) {
        return browser.byId("add:" + field)
                .findElement(By.xpath("ancestor::*[contains(@class,'field')][1]"))
                .getText();
    }

    /** What the field holds now, as the page sent it back. */
    String value(String field) {
        return browser.byId("add:" + field).getAttribute("value");
    }
}
