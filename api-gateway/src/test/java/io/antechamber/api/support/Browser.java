package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driving the dashboard, for the browser tests. It runs the system's browser and driver
 * (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs) and names both to Selenium,
 * so Selenium Manager is never asked to find or download anything. Without them the tests are skipped, unless
 * {@code ANTECHAMBER_BROWSER_TESTS=required} (CI), where they fail.
 *
 * <p>One instance is one browser with its own fresh profile under {@code target/}; {@link #reset} clears its cookies
 * so a test class can reuse it. Every wait is explicit ({@link WebDriverWait}) and generous: the machine running
 * the tests may be loaded.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String REQUIRED_VARIABLE = "ANTECHAMBER_BROWSER_TESTS";
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    private static final Path PROFILES = Path.of("target", "chromium-profiles").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private String base = "";

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test class (a JUnit assumption) when the browser or its driver is not installed, with what
     * to install; fails instead when {@code ANTECHAMBER_BROWSER_TESTS=required}, so CI cannot pass by skipping.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "the browser tests drive " + CHROMIUM + " through " + CHROMEDRIVER
                + "; install them with `apt-get install chromium chromium-driver` (.ci/run does)";
        if (!installed && "required".equals(System.getenv(REQUIRED_VARIABLE))) {
            throw new AssertionError(REQUIRED_VARIABLE + "=required, but " + message);
        }
        Assumptions.assumeTrue(installed, () -> "Skipped: " + message);
    }

    /** Starts a headless Chromium with a fresh profile. */
    public static Browser start() {
        assumeInstalled();
        Path profile = PROFILES.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(profile);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--user-data-dir=" + profile.resolve("profile"),
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return new Browser(driver, profile);
    }

    /** Points the browser at the application on this port (paths given to {@link #open} are relative to it). */
    public Browser on(int port) {
        this.base = "http://127.0.0.1:" + port;
        return this;
    }

    /** Signs out of everything (clears cookies), back to a desktop-sized window on a blank page. */
    public Browser reset() {
        driver.get("about:blank");
        // WebDriver's deleteAllCookies clears only the current page's domain, and about:blank has none
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(DESKTOP);
        consoleErrors(); // drops what earlier tests left in the log
        return this;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in through the sign-in form with a human key, as a person types it; waits for the inbox. */
    public Browser signIn(String key) {
        open("/login");
        WebElement field = waitFor(By.id("key"));
        field.sendKeys(key);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitForPath("/");
        waitFor(By.cssSelector("header.top nav"));
        return this;
    }

    /** Signs out with the nav's button; waits for the sign-in page. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form.sign-out button[type=submit]")).click();
        waitForPath("/login");
        return this;
    }

    /** The element, once it is present and visible. */
    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains this text. */
    public WebElement waitForText(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the page's path (the URL without the origin and query) is this one. */
    public Browser waitForPath(String path) {
        until(d -> path.equals(currentPath()) ? Boolean.TRUE : null);
        return this;
    }

    public <T> T until(Function<WebDriver, T> condition) {
        // a fragment htmx swaps in while the condition reads it leaves a stale element: read it again
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        if (url == null || !url.startsWith(base)) {
            return url;
        }
        String path = url.substring(base.length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        int fragment = path.indexOf('#');
        return fragment < 0 ? path : path.substring(0, fragment);
    }

    /**
     * Waits until every live region of the page (each {@code sse-connect} element) has its event stream open, so an
     * event sent from now on reaches the page.
     */
    public Browser waitForLiveStream() {
        until(d -> Boolean.TRUE.equals(driver.executeScript(
                "const sources = document.querySelectorAll('[sse-connect]');"
                        + "return sources.length > 0 && Array.from(sources).every(e => {"
                        + "  const data = e['htmx-internal-data'];"
                        + "  return !!data && !!data.sseEventSource && data.sseEventSource.readyState === 1; });"))
                ? Boolean.TRUE : null);
        return this;
    }

    /** Marks the loaded document, so {@link #assertNotReloaded} can tell the page was updated in place. */
    public Browser markDocument() {
        driver.executeScript("window.antechamberTestMark = 'still here';");
        return this;
    }

    public Browser assertNotReloaded() {
        assertThat(driver.executeScript("return window.antechamberTestMark;"))
                .as("the page was updated in place, not reloaded").isEqualTo("still here");
        return this;
    }

    /** Scrolls the element to the top of the window (for a screenshot of it). */
    public Browser scrollTo(By locator) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", waitFor(locator));
        return this;
    }

    /** Presses keys on whatever has the focus, as a keyboard does. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses Tab (at most 40 times) until this element has the focus; returns it. */
    public WebElement tabTo(By target) {
        WebElement wanted = waitFor(target);
        for (int i = 0; i < 40; i++) {
            if (driver.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target + " on " + driver.getCurrentUrl());
    }

    /** Resizes the window (the viewport is what the page lays out for). */
    public Browser window(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Saves what the window shows to {@code target/screenshots/<name>.png}. */
    public Browser screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Saves the screenshot and the page's HTML of a failed test, to see what the browser saw. */
    public void saveFailure(String name) {
        try {
            screenshot("FAILED-" + name);
            Files.writeString(SCREENSHOTS.resolve("FAILED-" + name + ".html"),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the browser itself may be what failed; the test's own error says more
        }
    }

    /**
     * The browser console's errors since the last call: a Content-Security-Policy violation, a script error or a
     * failed request of the page shows here and nowhere else. A missing favicon is not the page's fault.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("/favicon.ico"))
                .toList();
    }

    /** Asserts that nothing went wrong in the page's console since the last check. */
    public Browser assertCleanConsole() {
        assertThat(consoleErrors()).as("the browser console's errors on %s", driver.getCurrentUrl()).isEmpty();
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left behind under target/ harms nothing; the next mvn clean removes it
        }
    }
}
