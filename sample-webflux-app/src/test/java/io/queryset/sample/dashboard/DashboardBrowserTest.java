package io.queryset.sample.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Manager;
import io.queryset.sample.Shop;
import io.queryset.sample.books.Book;
import io.queryset.sample.orders.OrderSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard in headless Chromium: an order placed through the API shows up in the live feed
 * without a reload. Tagged "browser": the sample's {@code browser} Maven profile runs it where
 * {@code /usr/bin/chromedriver} exists. Other paths: {@code -Dsample.chromium=... -Dsample.chromedriver=...}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** How long a condition may take to hold before the test fails; each wait ends as soon as it holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Manager<Book> books;

    ChromeDriver browser;

    /** Keeps what the browser showed when a test failed, for whoever reads the CI log. */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("dashboard-failure.png");
            }
        }
    };

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("sample.chromium", "/usr/bin/chromium"));
        // Headless as root on a closed network: no sandbox, no GPU, and nothing that phones home.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("sample.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anOrderPlacedThroughTheApiAppearsInTheLiveFeed() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/");
        // "live" once the page's EventSource got the server's ready event and loaded the order history.
        wait.until(ExpectedConditions.textToBe(By.id("feed-status"), "live"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#book-rows tr"), 0));

        Book book = Shop.stock(books, 3, "19.99");
        OrderSummary order = Shop.buy(client, "Selenium Shopper", Map.of(book.id(), 2));

        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#order-feed li[data-order-id='" + order.id() + "']")));
        assertThat(shown.getText()).contains("#" + order.id() + " Selenium Shopper").contains("2 copies")
                .contains("€39.98").contains(book.title());
        assertThat(browser.findElement(By.cssSelector("#order-feed li")).getAttribute("data-order-id"))
                .as("the newest order heads the feed").isEqualTo(String.valueOf(order.id()));
        screenshot("dashboard.png");
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
