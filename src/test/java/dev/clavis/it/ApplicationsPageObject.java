package dev.clavis.it;

/** The list of applications: the home page after sign-in, with a filter and the way to add one. */
final class ApplicationsPageObject extends AdminPageObject {

    static final String PATH = "/admin/applications.xhtml";

    ApplicationsPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    /** Opens the list as a link with a filter would, the filter passed as written. */
    void open(String filter) {
        browser.open(PATH + "?q=" + filter);
    }

    /** Types into the search field and sends it with Enter, as there is no button. */
    void filter(String text) {
        browser.type("q", text);
        browser.submit("q");
    }

    /** Follows the "Add an application" link. */
    void addApplication() {
        browser.click("add");
    }

    /** The table of applications, as text. */
    String table() {
        return browser.find("#applications").getText();
    }
}
