package dev.sender.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.ServerFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * The live viewer in headless Chromium against a real server: the form built from the catalogue, what a row
 * shows, the server's refusals, and a busy stream that the page keeps bounded and responsive.
 */
class ViewerBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ServerFixture server;
    private static HeadlessChromium chromium;
    private final UUID account = UUID.randomUUID();

    @BeforeAll
    static void start() {
        server = ServerFixture.start(b -> b.viewer(true));
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    @BeforeEach
    void openViewer() {
        chromium.driver().get(server.http("/viewer").toString());
        DocsBrowserTest.visible(chromium, By.cssSelector("#filters fieldset[data-kind='handler'] [name='gender']"));
    }

    @AfterEach
    void unsubscribe() {
        chromium.driver().executeScript("document.getElementById('unsubscribe').click()");
    }

    @Test
    void subscription_showsExactlyTheMatchingEvents_withTheirFields() {
        type("luna_account_id", account.toString());
        choose("gender", "male");
        type("age__gte", "30");
        subscribe();

        server.publish(account,
                "{\"event_id\":1,\"source\":\"cam-entrance\",\"face_attributes\":{\"basic_attributes\":{\"age\":35,"
                        + "\"gender\":1}},\"aggregate_estimations\":{\"face\":{\"attributes\":{\"emotions\":"
                        + "{\"predominant_emotion\":\"happiness\"},\"mask\":{\"predominant_mask\":\"missing\"},"
                        + "\"liveness\":{\"prediction\":\"real\"}}}},\"matches\":[{\"label\":\"staff\",\"candidates\":"
                        + "[{\"similarity\":0.71},{\"similarity\":0.93}]}],\"location\":{\"city\":\"Lisbon\","
                        + "\"street\":\"Rua Augusta\",\"house_number\":\"24\"}}",
                face(2, 40, 0, "cam-entrance"),
                face(3, 25, 1, "cam-lobby"),
                face(4, 30, 1, "cam-lobby"));
        server.publish(UUID.randomUUID(), face(5, 50, 1, "cam-other-account"));
        server.publish(account, face(6, 61, 1, "cam-parking"));

        await().atMost(WAIT).until(() -> rows().size() >= 3);
        List<List<String>> rows = rows();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(row -> row.get(1)).containsExactly("cam-parking", "cam-lobby", "cam-entrance");
        assertThat(rows).extracting(row -> row.get(3)).containsExactly("61, male", "30, male", "35, male");
        assertThat(rows.get(2)).containsSubsequence("happiness", "missing", "real", "staff 0.93",
                "Lisbon, Rua Augusta, 24");
        assertThat(rows.get(2).get(2)).isEqualTo("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        assertThat(rows.get(2).get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(text("received")).isEqualTo("3");

        chromium.driver().findElements(By.cssSelector("#rows > .row")).get(2).click();
        WebElement raw = DocsBrowserTest.visible(chromium, By.id("raw"));
        assertThat(raw.getText()).contains("\"event_id\": 1", "\"Luna-Request-id\"", "\"handler_id\"");
        // history=1 is asked for, and left out where the server refuses it (history off, or not offered).
        assertThat(chromium.driver().findElement(By.id("query")).getText()).matches(
                "Subscribed: /2/ws\\?age__gte=30&gender=1&luna_account_id=" + account + "(&history=1)?");
        assertThat(javaScriptErrors()).isEmpty();

        chromium.driver().findElement(By.id("clear")).click();
        await().atMost(WAIT).until(() -> rows().isEmpty() && "0".equals(text("received")));
        publishVariedEvents();
        await().atMost(WAIT).until(() -> rows().size() == VARIED_EVENTS);
        chromium.driver().findElements(By.cssSelector("#rows > .row")).get(2).click();
        chromium.screenshot("viewer.png");
    }

    @Test
    void filterTheServerRefuses_showsItsDetail() {
        type("luna_account_id", account.toString());
        type("extra", "colour=red");
        chromium.driver().findElement(By.id("subscribe")).click();

        WebElement error = DocsBrowserTest.visible(chromium, By.id("error"));
        assertThat(error.getText()).contains("12012", "Bad query parameters", "Parameter 'colour': unknown parameter");
        assertThat(text("status")).isEqualTo("refused");
    }

    @Test
    void filterOutOfItsRange_isRefusedByThePage() {
        type("luna_account_id", account.toString());
        chromium.driver().findElement(By.xpath("//summary[text()='Filters: body']")).click();
        type("apparent_age__gte", "150");
        chromium.driver().findElement(By.id("subscribe")).click();

        WebElement error = DocsBrowserTest.visible(chromium, By.id("error"));
        assertThat(error.getText()).contains("Fix the filter first", "apparent_age__gte");
        assertThat(chromium.driver().findElement(By.id("status")).getAttribute("data-state")).isEqualTo("idle");
    }

    @Test
    void generalEvents_subscribeWithoutAccount_andShowTheEventType() {
        chromium.driver().findElement(By.cssSelector("#kind option[value='general']")).click();
        type("event_type", "door_opened");
        subscribe();

        for (String type : List.of("door_closed", "door_opened")) {
            HttpResponse<String> published = server.post("/2/general_events/publish", "{\"event\":{\"source\":\"door-3\"},"
                    + "\"event_type\":\"" + type + "\"}", "Content-Type", "application/json");
            assertThat(published.statusCode()).isEqualTo(201);
        }

        await().atMost(WAIT).until(() -> rows().size() == 1);
        assertThat(rows().get(0)).containsSubsequence("door-3", "door_opened");
    }

    @Test
    void busyStream_keepsThePageResponsive_andItsTableBounded() throws Exception {
        type("luna_account_id", account.toString());
        subscribe();
        int batches = 200;
        int perBatch = 100;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger mostRows = new AtomicInteger();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        String[] events = new String[perBatch];
        // 100 events every 50 ms: 2,000 events/s for 10 s; the last batch shuts the publisher, which ends the schedule.
        ScheduledFuture<?> flow = publisher.scheduleAtFixedRate(() -> {
            int batch = sent.getAndIncrement();
            for (int i = 0; i < perBatch; i++) {
                events[i] = face(batch * perBatch + i, 20 + i % 50, i % 2, "cam-" + i % 7);
            }
            server.publish(account, events);
            if (batch == batches - 1) {
                publisher.shutdown();
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        try {
            await().atMost(WAIT).until(() -> Integer.parseInt(text("received")) > 2_000);

            long before = System.nanoTime();
            chromium.driver().findElement(By.id("pause")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> "paused".equals(text("status")));
            // Within seconds, on a machine whose two cores the server, this test and the browser share.
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            assertThat(flow.isDone()).as("events still flowing when the pause took effect").isFalse();

            int frozen = rowCount();
            int receivedWhenPaused = Integer.parseInt(text("received"));
            assertThat(frozen).isBetween(1, 500);
            await().atMost(WAIT).until(() -> Integer.parseInt(text("received")) > receivedWhenPaused + 1_000);
            assertThat(rowCount()).isEqualTo(frozen);

            chromium.driver().findElement(By.id("pause")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> "live".equals(text("status")));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                mostRows.accumulateAndGet(rowCount(), Math::max);
                return flow.isDone();
            });
        } finally {
            flow.cancel(false);
            publisher.shutdown();
        }
        assertThat(sent.get()).isEqualTo(batches);
        assertThat(mostRows.get()).isBetween(1, 500);
        int total = batches * perBatch;
        await().atMost(WAIT).until(() -> Integer.parseInt(text("received")) == total);
        await().atMost(WAIT).until(() -> rowCount() == 500);
        assertThat(text("shown")).isEqualTo("500");
        assertThat(text("dropped")).isEqualTo(String.valueOf(total - 500));
        assertThat(rows().get(0).get(1)).isEqualTo("cam-" + (perBatch - 1) % 7);
        assertThat(javaScriptErrors()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static final int VARIED_EVENTS = 9;

    /** Events of men of 30 and over as a busy entrance would produce them, for the screenshot of the manual. */
    private void publishVariedEvents() {
        String[] emotions = {"neutral", "happiness", "neutral", "surprise", "neutral", "sadness", "happiness",
            "neutral", "anger"};
        String[] masks = {"missing", "missing", "medical_mask", "missing", "occluded", "missing", "missing",
            "medical_mask", "missing"};
        String[] labels = {"staff", "visitors", "staff", "", "watchlist", "staff", "", "visitors", "staff"};
        String[] places = {"Lisbon\",\"street\":\"Rua Augusta\",\"house_number\":\"24",
            "Porto\",\"street\":\"Rua das Flores\",\"house_number\":\"7"};
        for (int i = 0; i < VARIED_EVENTS; i++) {
            String match = labels[i].isEmpty() ? "" : ",\"matches\":[{\"label\":\"" + labels[i]
                    + "\",\"candidates\":[{\"similarity\":" + (0.62 + i * 0.037) + "}]}]";
            String event = "{\"event_id\":" + (100 + i) + ",\"source\":\"cam-" + (i % 3 == 0 ? "entrance" : i % 3 == 1
                    ? "lobby" : "gate-2") + "\",\"face_attributes\":{\"basic_attributes\":{\"age\":" + (31 + i * 4)
                    + ",\"gender\":1}},\"aggregate_estimations\":{\"face\":{\"attributes\":{\"emotions\":"
                    + "{\"predominant_emotion\":\"" + emotions[i] + "\"},\"mask\":{\"predominant_mask\":\""
                    + masks[i] + "\"},\"liveness\":{\"prediction\":\"" + (i == 4 ? "spoof" : "real") + "\"}}}}"
                    + match + ",\"location\":{\"city\":\"" + places[i % 2] + "\"}}";
            String now = Instant.now().toString();
            HttpResponse<String> published = server.post("/2/publish", "{\"events\":[" + event + "],\"handler_id\":\""
                    + HANDLERS[i % HANDLERS.length] + "\",\"event_create_time\":\"" + now + "\",\"event_end_time\":\""
                    + now + "\"}", LunaHeaders.ACCOUNT_ID, account.toString(), "Content-Type", "application/json");
            assertThat(published.statusCode()).isEqualTo(201);
        }
    }

    private static final String[] HANDLERS = {"3f1c2a9e-5b7d-4e21-9a0c-6d8e4f2b1a37",
        "b62e9d14-0c3a-4f85-8e7b-2a9d5c1f6e08"};

    /** A handler event with a face of {@code age} and {@code gender}, from {@code source}. */
    private static String face(int id, int age, int gender, String source) {
        return "{\"event_id\":" + id + ",\"source\":\"" + source + "\",\"face_attributes\":{\"basic_attributes\":"
                + "{\"age\":" + age + ",\"gender\":" + gender + "}}}";
    }

    private void type(String name, String value) {
        WebElement input = chromium.driver().findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private void choose(String name, String label) {
        chromium.driver().findElement(By.xpath("//select[@name='" + name + "']/option[text()='" + label + "']")).click();
    }

    private void subscribe() {
        chromium.driver().findElement(By.id("subscribe")).click();
        await().atMost(WAIT).until(() -> "live".equals(
                chromium.driver().findElement(By.id("status")).getAttribute("data-state")));
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private int rowCount() {
        return ((Number) chromium.driver().executeScript(
                "return document.querySelectorAll('#rows > .row').length")).intValue();
    }

    /** The cells of every row, newest first, read in one script. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Object row : (List<Object>) chromium.driver().executeScript("return [...document.querySelectorAll("
                + "'#rows > .row')].map(tr => [...tr.children].map(cell => cell.textContent))")) {
            rows.add((List<String>) row);
        }
        return rows;
    }

    /**
     * The console's errors, less the one a subscription's check causes by design: the server's {@code 400 12014}
     * ("not a WebSocket upgrade") to the plain request the page sends before it opens the WebSocket.
     */
    private static List<LogEntry> javaScriptErrors() {
        return chromium.consoleErrors().stream()
                .filter(entry -> !(entry.getMessage().contains("/ws?") && entry.getMessage().contains(" 400 ")))
                .toList();
    }
}
