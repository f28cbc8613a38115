package dev.sender.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.server.testing.ServerFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The documentation pages of a real server, as headless Chromium shows them. */
class DocsBrowserTest {

    private static ServerFixture server;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    @Test
    void apiPage_rendersEveryOperation_fromTheYamlDocument_withoutConsoleErrors() {
        chromium.driver().get(server.http("/docs/spec").toString());
        WebElement publish = visible(By.id("operations-publishing-publishHandlerEvents"));

        assertThat(publish.getText()).contains("/{api}/publish", "Publish handler (user-generated) events");
        assertThat(chromium.driver().findElements(By.cssSelector(".opblock"))).hasSizeGreaterThanOrEqualTo(13);
        assertThat(chromium.driver().findElement(By.cssSelector(".info .title")).getText()).startsWith("Sender");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void apiPage_opensAnOperation_showingItsParameters() {
        chromium.driver().get(server.http("/docs/spec").toString());
        visible(By.cssSelector("#operations-subscriptions-subscribeHandlerEvents .opblock-summary-control")).click();

        WebElement parameters = visible(By.cssSelector("#operations-subscriptions-subscribeHandlerEvents .parameters"));
        assertThat(parameters.getText()).contains("Luna-Account-Id", "age__gte", "emotions");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void manualIndex_rendersWithoutConsoleErrors() {
        chromium.driver().get(server.http("/docs/dev/index.html").toString());

        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sender manual");
        assertThat(chromium.driver().findElements(By.cssSelector("a[href$='.html']"))).isNotEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void operatorsPage_showsItsPicture_fromTheManualsImages() {
        chromium.driver().get(server.http("/docs/dev/operators.html").toString());

        WebElement picture = visible(By.cssSelector("img[src='images/viewer.png']"));
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) chromium.driver()
                .executeScript("return arguments[0].naturalWidth", picture)).intValue(), width -> width > 0))
                .isGreaterThan(600);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /** The first element {@code locator} finds once it is displayed. */
    static WebElement visible(HeadlessChromium chromium, By locator) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<WebElement> found = chromium.driver().findElements(locator);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, element -> element != null);
    }

    private static WebElement visible(By locator) {
        return visible(chromium, locator);
    }
}
