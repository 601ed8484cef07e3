package dev.clavis.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's ChromeDriver (installed by
 * src/test/browser/ensure-chromium.sh). Selenium is pointed at both binaries, so it never downloads anything.
 */
final class Browser implements AutoCloseable {

    private static final Dimension WINDOW = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("clavis-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CLAVIS_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CLAVIS_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        driver.manage().window().setSize(WINDOW);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(Clavis.baseUrl() + path);
    }

    /**
     * Back to a first-time visitor at the usual window size, whatever the test before did. Cookies can be deleted
     * only for the site the browser is on, so it opens a page of the site first.
     */
    void startOver(String path) {
        open(path);
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(WINDOW);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Faces ids contain ':', which CSS needs escaped. */
    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks the checkbox of a group ({@code name}) with the given value, unless it is ticked already. */
    void check(String name, String value) {
        WebElement box = checkbox(name, value);
        if (!box.isSelected()) {
            box.click();
        }
    }

    void uncheck(String name, String value) {
        WebElement box = checkbox(name, value);
        if (box.isSelected()) {
            box.click();
        }
    }

    private WebElement checkbox(String name, String value) {
        return find("input[name='" + name + "'][value='" + value + "']");
    }

    /** Clicks a button that submits its form, and waits for the page that answers. */
    void click(String id) {
        clickAndWait(byId(id));
    }

    void clickAndWait(WebElement element) {
        element.click();
        waitUntilGone(element);
    }

    /** Submits the form of a field, and waits for the page that answers. */
    void submit(String id) {
        WebElement field = byId(id);
        field.submit();
        waitUntilGone(field);
    }

    /** An element of the old page is gone once the new page has replaced it. */
    void waitUntilGone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                // stale, or "does not belong to the document": the page was replaced
                return true;
            }
        });
    }

    /**
     * Repeats a step until it reports success or the deadline passes, for a condition only another attempt can
     * observe (a wait imposed by the server that ends, say). Polls every quarter of a second.
     *
     * @return whether the step succeeded before the deadline
     */
    boolean eventually(Duration deadline, BooleanSupplier step) {
        try {
            new WebDriverWait(driver, deadline, Duration.ofMillis(250)).until(ignored -> step.getAsBoolean());
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * What makes the page scroll sideways on the current window: the elements that reach past the right edge outside
     * a region meant to scroll in place ({@code .scroll}), or the whole document if it is wider than the window for
     * another reason. Empty when the page fits.
     */
    java.util.List<String> sidewaysOverflow() {
        Object found = driver.executeScript("const wider = Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".filter(e => !e.closest('.scroll'))"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className"
                + " + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)').slice(0, 5);"
                + "if (wider.length === 0 && document.documentElement.scrollWidth > window.innerWidth + 1)"
                + "  wider.push('document (' + document.documentElement.scrollWidth + 'px)');"
                + "return wider;");
        @SuppressWarnings("unchecked")
        java.util.List<String> list = (java.util.List<String>) found;
        return list;
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    /** Saves the page as it looks, for docs/screenshots (or wherever clavis.it.screenshots points). */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("clavis.it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
