package dev.clavis.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The "Add an API" form; once saved, the browser is on the new API's page. */
final class AddApiPageObject extends AdminPageObject {

    static final String PATH = "/admin/add-api.xhtml";

    AddApiPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    void enterIdentifier(String identifier) {
        browser.type("add:identifier", identifier);
    }

    void enterDisplayName(String displayName) {
        browser.type("add:displayName", displayName);
    }

    void tickRole(String role) {
        browser.check("add:roles", role);
    }

    void tickEveryRole() {
        WebElement box = browser.byId("add:everyRole");
        if (!box.isSelected()) {
            box.click();
        }
    }

    void chooseMicroProfileFormat() {
        browser.find("input[name='add:tokenFormat'][value='MICROPROFILE']").click();
    }

    void enterLifetime(String seconds) {
        browser.type("add:accessTokenLifetimeSeconds", seconds);
    }

    /**
     * Puts any text into a field, as a forged request could: what a keyboard cannot type (control characters), and
     * past what the browser itself would refuse (a number field that holds letters).
     */
    void forceValue(String field, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].type = 'text'; arguments[0].value = arguments[1];",
                        browser.byId("add:" + field),
                        value);
    }

    /** Makes the chosen token format's radio button send another value, as a forged request could. */
    void forgeTokenFormat(String value) {
        WebElement radio = browser.find("input[name='add:tokenFormat'][value='RFC9068']");
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]; arguments[0].checked = true;", radio, value);
    }

    void save() {
        browser.click("add:save");
    }

    /** Fills in the form for an API that understands the given roles, and sends it. */
    void add(String identifier, String displayName, String... roles) {
        open();
        enterIdentifier(identifier);
        enterDisplayName(displayName);
        for (String role : roles) {
            tickRole(role);
        }
        save();
    }

    /** The text of the block around a field, where the field's own message appears. */
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
