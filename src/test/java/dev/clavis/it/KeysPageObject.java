package dev.clavis.it;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The signing keys with their schedule and settings, and Rotate now and Replace now, each with a confirmation. */
final class KeysPageObject extends AdminPageObject {

    static final String PATH = "/admin/keys.xhtml";

    KeysPageObject(Browser browser) {
        super(browser, PATH);
    }

    void open() {
        browser.open(PATH);
    }

    /** Follows "Signing keys" in the menu at the top. */
    void openFromMenu() {
        browser.clickAndWait(browser.find("nav.menu a[href$='/admin/keys.xhtml']"));
    }

    /** The table of keys, as text. */
    String table() {
        return browser.find("#keys").getText();
    }

    /** The key IDs of the rows in a state, as the page marks it ({@code NEXT}, {@code ACTIVE}, {@code REVOKED}...). */
    List<String> kids(String phase) {
        return browser.driver().findElements(By.cssSelector("#keys tr[data-phase='" + phase + "']")).stream()
                .map(row -> row.getAttribute("data-kid"))
                .toList();
    }

    /** The key's row: kid, algorithm, state, created, active from, retires at, as text. */
    List<String> row(String kid) {
        return browser.find("#keys tr[data-kid='" + kid + "']").findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The state column of the key's row. */
    String state(String kid) {
        return row(kid).get(2);
    }

    /** The lifecycle explanation and the rotation settings, as text. */
    String settings() {
        return browser.byId("lifecycle").getText();
    }

    void askToRotate() {
        browser.click("actions:askRotate");
    }

    void askToReplace() {
        browser.click("actions:askReplace");
    }

    /** Whether either confirmation is shown. */
    boolean isConfirming() {
        return !browser.driver()
                .findElements(By.cssSelector("[role='alertdialog']"))
                .isEmpty();
    }

    String rotateConfirmation() {
        return browser.byId("actions:rotateConfirmation").getText();
    }

    String replaceConfirmation() {
        return browser.byId("actions:replaceConfirmation").getText();
    }

    void confirmRotate() {
        browser.click("actions:confirmRotate");
    }

    void cancelRotate() {
        browser.click("actions:cancelRotate");
    }

    void confirmReplace() {
        browser.click("actions:confirmReplace");
    }

    void cancelReplace() {
        browser.click("actions:cancelReplace");
    }
}
