package dev.clavis.it;

/** The list of APIs, with the way to add one. */
final class ApisPageObject extends AdminPageObject {

    static final String PATH = "/admin/apis.xhtml";

    ApisPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    /** Follows the "Add an API" link. */
    void addApi() {
        browser.click("add");
    }

    /** The table of APIs, as text. */
    String table() {
        return browser.find("#apis").getText();
    }
}
