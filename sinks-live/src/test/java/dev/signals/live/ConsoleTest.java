package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's chromium, headless, driven by chromedriver):
 * an emitted event appears live, a signal filter applies at the source, a trace id opens the
 * trace's waterfall, and a snapshot taken from the page downloads byte for byte. Skipped
 * where chromium or chromedriver is not installed.
 */
class ConsoleTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Signal ORDER_PLACED = Signal.of("ORDER_PLACED", Severity.INFO);
    static final Signal PAYMENT_DECLINED = Signal.of("PAYMENT_DECLINED", Severity.WARN);

    @TempDir
    Path root;
    WebDriver browser;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromedriver are not installed");
        downloads = Files.createDirectories(root.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void watchFilterTraceAndDownloadFromTheConsole() throws Exception {
        Path snapshots = root.resolve("snapshots");
        URI url = LiveFixture.start(snapshots, 10_000, "", "TRACE");
        browser.get(url.toString());
        awaitStreamOpen();

        Signals.emit(ORDER_PLACED, "order 1001 placed", Field.of("order_id", 1001));
        WebElement row = wait.until(d -> rowOf(d, "order 1001 placed"));
        row.click();
        String details = browser.findElement(By.id("details")).getText();
        assertTrue(details.contains("\"order_id\": 1001"), details);

        browser.findElement(By.name("signal")).sendKeys("PAYMENT_*");
        browser.findElement(By.id("apply")).click();
        awaitStreamOpen();
        Signals.emit(ORDER_PLACED, "order 1002 placed");
        try (Span checkout = Signals.span("checkout")) {
            try (Span charge = Signals.span("charge_card")) {
                Signals.emit(PAYMENT_DECLINED, "card declined for order 1002");
            }
        }
        WebElement declined = wait.until(d -> rowOf(d, "card declined for order 1002"));
        List<String> signals = browser.findElements(By.cssSelector("#events tbody tr")).stream()
                .map(r -> r.getAttribute("data-signal")).toList();
        assertEquals(List.of("PAYMENT_DECLINED"), signals, "the filter applies at the source: no ORDER_PLACED row");

        declined.findElement(By.cssSelector("a.trace")).click();
        List<String> spans = wait.until(d -> {
            List<String> names = d.findElements(By.cssSelector("#waterfall .row.span")).stream()
                    .map(s -> s.getAttribute("data-span")).toList();
            return names.size() == 2 ? names : null;
        });
        assertEquals(List.of("checkout", "charge_card"), spans);

        Files.createDirectories(Path.of("target"));
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "live-console.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.cssSelector("#take-snapshot button")).click();
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("#snapshots a.snapshot")).stream().findFirst().orElse(null));
        String name = link.getText();
        link.click();
        Path downloaded = downloads.resolve(name);
        wait.until(d -> Files.exists(downloaded) && !partialDownloads());
        assertArrayEquals(Files.readAllBytes(snapshots.resolve(name)), Files.readAllBytes(downloaded));
    }

    private void awaitStreamOpen() {
        wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-stream")));
    }

    private boolean partialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static WebElement rowOf(WebDriver d, String message) {
        for (WebElement r : d.findElements(By.cssSelector("#events tbody tr"))) {
            if (r.findElement(By.cssSelector("td.message")).getText().equals(message)) {
                return r;
            }
        }
        return null;
    }
}
