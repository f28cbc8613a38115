package dev.sender.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver, with a fresh profile: what every
 * {@code *BrowserTest} opens pages in. Both executables are named explicitly, so Selenium Manager never looks
 * for (or downloads) a driver or a browser. Missing executables fail the test: {@code scripts/install-test-deps}
 * installs them, and CI runs it.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *     chromium.driver().get(server.http("/docs/spec").toString());
 *     assertThat(chromium.consoleErrors()).isEmpty();
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's Chromium (package {@code chromium}). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver (package {@code chromium-driver}). */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The system property naming the folder screenshots are written to; none are written without it. */
    public static final String SCREENSHOTS_PROPERTY = "sender.screenshots";

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts the browser, with its console (every level) recorded for {@link #consoleErrors()}.
     *
     * @return the browser, to close
     * @throws AssertionError when Chromium or chromedriver is not installed
     */
    public static HeadlessChromium start() {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new AssertionError(executable + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver, which scripts/install-test-deps installs");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("sender-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** The driver of the browser. */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * The console messages at level {@code SEVERE} (errors, uncaught exceptions, failed loads) since the last call;
     * reading them empties the browser's log.
     *
     * @return the errors, oldest first
     */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /**
     * Writes a PNG of the window to {@code name} in the folder of the system property
     * {@value #SCREENSHOTS_PROPERTY}, when it is set (such as {@code -Dsender.screenshots=docs/images}); a relative
     * folder is taken from the repository's root.
     *
     * @param name the file name, such as {@code viewer.png}
     * @return whether a file was written
     */
    public boolean screenshot(String name) {
        String folder = System.getProperty(SCREENSHOTS_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return false;
        }
        Path target = repositoryRoot().resolve(folder).resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Quits the browser, stops the driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    /** The folder holding the reactor's pom.xml: Maven runs a module's tests in the module's folder. */
    private static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path parent = module.getParent();
        return parent != null && Files.exists(parent.resolve("mvnw")) ? parent : module;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temporary folder is harmless
        }
    }
}
