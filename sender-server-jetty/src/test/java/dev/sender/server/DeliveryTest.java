package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.CloseCodes;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delivery path under stress: slow and dead subscribers, inbound limits, connection limits, shutdown. */
class DeliveryTest {

    private static String bigEvent(int seq, int size) {
        return "{\"seq\":" + seq + ",\"pad\":\"" + "x".repeat(size) + "\"}";
    }

    @Test
    void stalledSubscriber_isClosedWith4008_whileOthersReceiveEverything() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .subscriberQueueBytes(256 << 10).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber stalled = server.subscribe(account, "");
            TestSubscriber healthy = server.subscribe(account, "");
            stalled.stall();

            int events = 400;
            List<Integer> received = new ArrayList<>();
            for (int i = 0; i < events; i += 4) {
                for (int j = i; j < i + 4; j++) {
                    server.publish(account, bigEvent(j, 50_000));
                }
                // The healthy subscriber reads each batch before the next, so only the stalled one overflows.
                healthy.awaitJson(4).forEach(m -> received.add(m.get("event").get("seq").asInt()));
            }

            assertThat(received).isEqualTo(IntStream.range(0, events).boxed().toList());
            assertThat(server.get("/metrics").body()).contains("sender_slow_subscriber_disconnects_total 1.0");
            stalled.resume();
            assertThat(stalled.awaitCloseCode()).isEqualTo(CloseCodes.TOO_SLOW);
        }
    }

    @Test
    void subscriberThatAnswersPings_staysConnected() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(300)).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !subscriber.isClosed());
            server.publish(account, "{\"alive\":true}");
            assertThat(subscriber.awaitJson().get("event").get("alive").asBoolean()).isTrue();
        }
    }

    @Test
    void peerThatNeverAnswersPings_isDropped() throws Exception {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(300))
                .writeTimeout(Duration.ofMillis(500)).build()));
                Socket peer = RawHttp.openSilentPeer(server.port(), "/2/ws",
                        Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString()))) {
            InputStream in = peer.getInputStream();
            long start = System.nanoTime();

            byte[] everything = in.readAllBytes();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(everything[0] & 0x0F).as("the first frame is a ping").isEqualTo(0x9);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.get("/metrics").body()
                    .contains("sender_ping_timeouts_total 1.0"));
        }
    }

    @Test
    void frameOverTheInboundLimit_closesWith1009_andSmallTextIsIgnored() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .maxInboundFrameBytes(1024).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");
            subscriber.socket().sendText("hello", true).join();
            server.publish(account, "{\"after\":\"hello\"}");
            assertThat(subscriber.awaitJson().get("event").get("after").asText()).isEqualTo("hello");

            subscriber.socket().sendText("x".repeat(4096), true).join();

            assertThat(subscriber.awaitCloseCode()).isEqualTo(CloseCodes.MESSAGE_TOO_LARGE);
        }
    }

    @Test
    void fragmentedMessageOverTheInboundLimit_closesWith1009_whileOneAtTheLimitIsIgnored() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .maxInboundFrameBytes(1024).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");
            subscriber.socket().sendText("x".repeat(1024), true).join();
            server.publish(account, "{\"after\":\"limit\"}");
            assertThat(subscriber.awaitJson().get("event").get("after").asText()).isEqualTo("limit");

            subscriber.socket().sendText("x".repeat(600), false).join();
            subscriber.socket().sendText("x".repeat(600), true).join();

            assertThat(subscriber.awaitCloseCode()).isEqualTo(CloseCodes.MESSAGE_TOO_LARGE);
        }
    }

    @Test
    void eventLargerThanTheInboundLimit_goesOutWholeAsOneTextFrame() throws Exception {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .maxInboundFrameBytes(1024).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");
            TestSubscriber general = server.subscribeGeneral("");
            try (Socket peer = RawHttp.openSilentPeer(server.port(), "/2/ws",
                    Map.of(LunaHeaders.ACCOUNT_ID, account.toString()))) {
                server.publish(account, bigEvent(1, 200_000));
                server.post("/2/general_events/publish", "{\"event\":" + bigEvent(2, 200_000)
                        + ",\"event_type\":\"big\"}", "Content-Type", "application/json");

                DataInputStream in = new DataInputStream(peer.getInputStream());
                int first = in.readUnsignedByte();
                while (first == 0x89) { // a ping, when the machine is slow enough for the ping interval to pass
                    in.skipNBytes(in.readUnsignedByte());
                    first = in.readUnsignedByte();
                }
                assertThat(first).as("FIN and opcode TEXT").isEqualTo(0x81);
                assertThat(in.readUnsignedByte()).as("unmasked, 64-bit length").isEqualTo(127);
                byte[] payload = in.readNBytes(Math.toIntExact(in.readLong()));
                assertThat(ServerFixture.json(new String(payload, StandardCharsets.UTF_8)).get("event").get("pad")
                        .asText()).hasSize(200_000);
            }
            assertThat(subscriber.awaitJson().get("event").get("pad").asText()).hasSize(200_000);
            assertThat(general.awaitJson().get("event").get("seq").asInt()).isEqualTo(2);
            assertThat(subscriber.isClosed()).isFalse();
            assertThat(server.get("/metrics").body()).contains("sender_slow_subscriber_disconnects_total 0.0");
        }
    }

    @Test
    void eventLargerThanTheQueueLimit_reachesAnIdleSubscriberWhole() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .subscriberQueueBytes(64 << 10).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");

            server.publish(account, bigEvent(1, 100_000));
            server.publish(account, bigEvent(2, 10));

            assertThat(subscriber.awaitJson(2)).extracting(m -> m.get("event").get("pad").asText().length())
                    .containsExactly(100_000, 10);
            assertThat(subscriber.isClosed()).isFalse();
            assertThat(server.get("/metrics").body()).contains("sender_slow_subscriber_disconnects_total 0.0");
        }
    }

    @Test
    void backlogPastTheQueueLimit_closesWith4008_evenOfEventsLargerThanTheLimit() {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .subscriberQueueBytes(64 << 10).build()))) {
            UUID account = UUID.randomUUID();
            TestSubscriber stalled = server.subscribe(account, "");
            stalled.stall();

            for (int i = 0; i < 200 && !server.get("/metrics").body()
                    .contains("sender_slow_subscriber_disconnects_total 1.0"); i++) {
                server.publish(account, bigEvent(i, 100_000));
            }

            stalled.resume();
            assertThat(stalled.awaitCloseCode()).isEqualTo(CloseCodes.TOO_SLOW);
        }
    }

    @Test
    void burstOfEvents_arrivesInOrder_inFarFewerWritesThanFrames() {
        try (ServerFixture server = ServerFixture.start()) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");
            int events = 1000;
            String[] burst = IntStream.range(0, events).mapToObj(i -> bigEvent(i, 100)).toArray(String[]::new);

            server.publish(account, burst);

            assertThat(subscriber.awaitJson(events)).extracting(m -> m.get("event").get("seq").asInt())
                    .isEqualTo(IntStream.range(0, events).boxed().toList());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric(
                    server.get("/metrics").body(), "sender_messages_delivered_total")).isEqualTo(events));
            assertThat(metric(server.get("/metrics").body(), "sender_writes_total")).isPositive()
                    .isLessThan(events / 2.0);
        }
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1))).findFirst().orElseThrow();
    }

    @Test
    void subscribersPastTheLimits_areRefusedWith503() throws Exception {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .maxSubscribers(3).maxSubscribersPerAccount(2).build()))) {
            UUID account = UUID.randomUUID();
            server.subscribe(account, "");
            TestSubscriber second = server.subscribe(account, "");

            RawHttp.Answer sameAccount = RawHttp.upgrade(server.port(), "/2/ws",
                    Map.of(LunaHeaders.ACCOUNT_ID, account.toString()));
            assertThat(sameAccount.status()).isEqualTo(503);
            assertThat(ServerFixture.json(sameAccount.body()).get("error_code").asInt())
                    .isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS.code());

            server.subscribeGeneral("");
            RawHttp.Answer overall = RawHttp.upgrade(server.port(), "/2/general_events/ws", Map.of());
            assertThat(overall.status()).isEqualTo(503);

            second.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RawHttp.upgrade(server.port(),
                    "/2/ws", Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString())).status()).isEqualTo(101));
        }
    }

    @Test
    void closedSubscriber_leavesTheServer() {
        try (ServerFixture server = ServerFixture.start()) {
            TestSubscriber subscriber = server.subscribe(UUID.randomUUID(), "");
            assertThat(server.get("/metrics").body()).contains("sender_subscriptions{kind=\"handler\"} 1.0");

            subscriber.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> server.get("/metrics").body()
                    .contains("sender_subscriptions{kind=\"handler\"} 0.0"));
        }
    }

    @Test
    void shutdown_deliversWhatWasAccepted_thenClosesWith1001() {
        ServerFixture server = ServerFixture.start();
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "");
        TestSubscriber general = server.subscribeGeneral("");
        for (int i = 0; i < 30; i++) {
            server.publish(account, bigEvent(i, 10_000));
        }

        server.close();

        JsonNode last = subscriber.awaitJson(30).get(29);
        assertThat(last.get("event").get("seq").asInt()).isEqualTo(29);
        assertThat(subscriber.awaitCloseCode()).isEqualTo(CloseCodes.SHUTDOWN);
        assertThat(general.awaitCloseCode()).isEqualTo(CloseCodes.SHUTDOWN);
    }
}
