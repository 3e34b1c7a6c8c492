package dev.trackingapi.localapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data explorer in a real browser (headless Chromium driven by Selenium) against the local API: a key entered by
 * keyboard, the schema table, a customer whose id holds '/', its ignored value highlighted with why, and its events
 * paged. Saves target/explorer-screenshot.png for reviewers. Chromium and its driver are Debian's packages, which
 * .ci/run installs; without them the test is skipped, saying so.
 */
class ExplorerBrowserIT {
    private static final String KEY = "gtk_explorer_browser_it_000000000000000000";
    private static final String CUSTOMER = "shop/42";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOT = Path.of("target", "explorer-screenshot.png");

    private static LocalApiTesting.Running running;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Optional<Path> chromium = firstExecutable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExecutable("CHROMEDRIVER", "/usr/bin/chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), "No headless browser here: the explorer's"
                + " browser test needs Debian's chromium and chromium-driver (apt-get install chromium"
                + " chromium-driver; .ci/run installs them), or CHROME_BIN and CHROMEDRIVER naming a Chromium and its"
                + " driver.");
        running = LocalApiTesting.start("--in-memory", "--port", "0", "--dynamodb-port", "0",
                "--api-key", "shop:" + KEY + ":track,read");
        track("/track/user", "{\"id\":\"" + CUSTOMER + "\",\"attributes\":{\"name\":\"Asha\",\"visits\":3,"
                + "\"Lifetime\":12345678901234567890123456789012345678}}");
        track("/track/user", "{\"id\":\"" + CUSTOMER + "\",\"attributes\":{\"visits\":\"three\"}}");
        for (int i = 1; i <= 5; i++) {
            track("/track/event/v2", "{\"customerId\":\"" + CUSTOMER + "\",\"name\":\"Add To Cart\",\"time\":"
                    + (1579547655000L + i * 60_000L) + ",\"attributes\":[{\"name\":\"Amount\",\"type\":\""
                    + (i == 5 ? "string" : "number") + "\",\"value\":" + (i == 5 ? "\"lots\"" : "" + i * 10) + "}]}");
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aKeyTheSchemaACustomerWithItsIgnoredValue_andItsEventsPageByPage() throws IOException {
        browser.get(running.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        assertThat(browser.getTitle()).contains("Data explorer");

        WebElement keyField = browser.findElement(By.id("key"));
        keyField.sendKeys(KEY, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schema"), "Add To Cart"));
        String schema = browser.findElement(By.id("schema")).getText();
        assertThat(schema).contains("Amount").contains("number").contains("visits").containsIgnoringCase("Registered at")
                .contains("Events (1 name)");
        assertThat(browser.getCurrentUrl()).doesNotContain(KEY);
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return window.sessionStorage.getItem('tracking-api-explorer-key')")).isEqualTo(KEY);

        browser.findElement(By.id("event-limit")).clear();
        browser.findElement(By.id("event-limit")).sendKeys("2");
        WebElement customerId = browser.findElement(By.id("customer-id"));
        customerId.sendKeys(CUSTOMER, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer"), "Asha"));
        WebElement profile = browser.findElement(By.id("customer"));
        assertThat(profile.getText()).contains("12345678901234567890123456789012345678");
        List<WebElement> ignored = profile.findElements(By.cssSelector("tr.ignored"));
        assertThat(ignored).singleElement().satisfies(row -> assertThat(row.getText())
                .contains("visits").contains("\"three\"").contains("registered as number, received a string"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-label"), "Page 1"));
        assertThat(browser.findElements(By.cssSelector("#events li.event"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#events li.event")).getText()).contains("lots")
                .contains("Ignored");
        Files.createDirectories(SCREENSHOT.getParent());
        browser.manage().window().setSize(new Dimension(1366, 2400));
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1366, 900));

        WebElement older = browser.findElement(By.id("older"));
        older.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-label"), "Page 2"));
        older.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-label"), "Page 3"));
        assertThat(browser.findElements(By.cssSelector("#events li.event"))).hasSize(1);
        assertThat(browser.findElement(By.id("older")).isEnabled()).as("the last page").isFalse();
        browser.findElement(By.id("newer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-label"), "Page 2"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Events read.");
    }

    private static void track(String path, String body) {
        assertThat(LocalApiTesting.post(running, path, KEY, "application/json", body).statusCode()).as(body)
                .isEqualTo(200);
    }

    private static Optional<Path> firstExecutable(String variable, String... candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(variable)), Stream.of(candidates))
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
