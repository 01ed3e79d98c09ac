package io.circuitbreaker.llm.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs) driven by
 * Selenium, on the operations console of the gateway under test. The driver and browser are named explicitly, so
 * Selenium Manager never tries to download one. Screenshots go to {@code target/console-screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;
    private String axe;

    private ConsoleBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /**
     * Starts Chromium headless at 1280×800. Where it is not installed the tests are skipped, except in CI (CI=true),
     * where a missing browser is a failure: there {@code .ci/run} must have installed it.
     */
    static ConsoleBrowser open(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver, as .ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ConsoleBrowser(new ChromeDriver(service, options), "http://localhost:" + port + "/");
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** Opens a console page (#/usage, ...) and waits until it has rendered past "Loading…". */
    void page(String name) {
        go("console/#/" + name);
        driver.navigate().refresh(); // a hash change alone does not reload the page when already on the console
        wait.until(d -> !d.findElement(By.id("page")).getText().isBlank()
                && !d.findElement(By.id("page")).getText().contains("Loading…"));
    }

    void signIn(String key) {
        go("console/");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as target/console-screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    /** As {@link #screenshot}, of the whole page at this width (the window grows to the page's height, then back). */
    void fullPageScreenshot(String name, int maxHeight) {
        script("document.activeElement && document.activeElement.blur();"); // no focus ring in the picture
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        resize(before.getWidth(), (int) Math.min(maxHeight, height + (before.getHeight()
                - ((Number) script("return window.innerHeight;")).longValue())));
        screenshot(name);
        resize(before.getWidth(), before.getHeight());
    }

    /**
     * The page's WCAG 2.1 A and AA violations as axe-core finds them (rule id, impact, the first offending element),
     * empty when there are none. axe's script comes from its jar and is injected into the page under test.
     */
    List<String> accessibilityViolations() {
        if (axe == null) {
            try (InputStream in = ConsoleBrowser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("axe.min.js is not on the test classpath", e);
            }
        }
        driver.executeScript(axe);
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes[0].target.join(' ') + (v.nodes.length > 1 ? ' and ' + (v.nodes.length - 1) + ' more' : ''))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** Errors the page's scripts reported (uncaught exceptions, failed module loads), not failed HTTP statuses. */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
