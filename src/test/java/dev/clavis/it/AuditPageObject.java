package dev.clavis.it;

/** The audit trail, newest first. */
final class AuditPageObject extends AdminPageObject {

    static final String PATH = "/admin/audit.xhtml";

    AuditPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    /** The newest event, as text. */
    String newestRow() {
        return browser.find("#audit tbody tr").getText();
    }
}
