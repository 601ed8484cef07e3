package dev.clavis.it;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The sign-in form, where every admin page sends a visitor who has not signed in. */
final class SignInPageObject extends AdminPageObject {

    static final String PATH = "/admin/sign-in.xhtml";

    SignInPageObject(Browser browser) {
        super(browser, PATH);
    }

    /**
     * Opens the form afresh, fills it in and sends it. Whether that signed in (the applications page) or was refused
     * (this page, with a message) is for the caller to check.
     */
    void signIn(String username, String password) {
        browser.open(PATH);
        browser.type("signin:username", username);
        browser.type("signin:password", password);
        browser.click("signin:signIn");
    }

    /** Signs in on the form shown now without the mouse: the username, Tab to the password, Enter to send. */
    void signInWithKeyboard(String username, String password) {
        WebElement field = browser.byId("signin:username");
        field.sendKeys(username, Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(password, Keys.ENTER);
        browser.waitUntilGone(field);
    }
}
