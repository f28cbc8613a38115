package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.LunaHeaders;
import dev.sender.core.event.Event;
import dev.sender.core.filter.Filter;
import dev.sender.core.testkit.SampleEvents;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import dev.sender.server.testing.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For random tokens (accounts, imposed filters) and random events, no subscriber ever receives an event its token
 * does not allow, and each receives every event its token and its own filter allow: the expectation is computed by
 * the core's {@link Filter} on each event.
 */
class AccessControlPropertyTest {

    private static final List<String> SOURCES = List.of("cam1", "cam2", "cam3");

    @TempDir
    Path dir;

    private record Subscriber(TestSubscriber socket, UUID account, Filter expected) {
    }

    @Test
    void subscribers_receiveExactlyWhatTheirTokenAndFilterAllow() throws IOException {
        long seed = Long.getLong("sender.seed", System.nanoTime());
        Random random = new Random(seed);
        Tokens keys = Tokens.hs256();
        List<UUID> accounts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .auth(AuthMode.JWT).jwtHs256SecretFile(keys.writeSecret(dir)).build()))) {
            List<Subscriber> subscribers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                UUID account = accounts.get(random.nextInt(accounts.size()));
                boolean all = random.nextInt(4) == 0;
                List<String> granted = all ? List.of("*") : accounts.stream().filter(a -> a.equals(account)
                        ? random.nextInt(5) > 0 : random.nextBoolean()).map(UUID::toString).toList();
                String imposed = randomFilter(random);
                String asked = randomFilter(random);
                String token = keys.sign(Tokens.claims("subscribe", granted.isEmpty() ? List.of() : granted)
                        .claim("filter", imposed).build());
                String path = "/2/ws" + (asked.isEmpty() ? "" : "?" + asked);
                Map<String, String> headers = Map.of(LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization",
                        "Bearer " + token);
                if (!all && !granted.contains(account.toString())) {
                    assertThat(RawHttp.upgrade(server.port(), path, headers).status()).as("seed " + seed)
                            .isEqualTo(403);
                    continue;
                }
                subscribers.add(new Subscriber(server.track(TestSubscriber.connect(server.ws(path), headers)),
                        account, HandlerEventFilter.parse(imposed).toFilter()
                                .and(HandlerEventFilter.parse(asked).toFilter())));
            }
            String publisher = keys.sign(Tokens.claims("publish", "*").build());
            Map<Subscriber, List<Integer>> expected = new java.util.HashMap<>();
            subscribers.forEach(s -> expected.put(s, new ArrayList<>()));
            for (int n = 0; n < 40; n++) {
                UUID account = accounts.get(random.nextInt(accounts.size()));
                String json = "{\"n\":" + n + ",\"source\":\"" + SOURCES.get(random.nextInt(3)) + "\","
                        + "\"face_attributes\":{\"basic_attributes\":{\"age\":" + random.nextInt(80) + ",\"gender\":"
                        + random.nextInt(2) + "}}}";
                var message = SampleEvents.handlerMessage(Event.parse(json));
                for (Subscriber s : subscribers) {
                    if (s.account().equals(account) && s.expected().matches(message)) {
                        expected.get(s).add(n);
                    }
                }
                assertThat(server.post("/2/publish", ServerFixture.body(json), LunaHeaders.ACCOUNT_ID,
                        account.toString(), "Content-Type", "application/json", "Authorization", "Bearer "
                        + publisher).statusCode()).isEqualTo(201);
            }
            for (Subscriber s : subscribers) {
                List<Integer> want = expected.get(s);
                List<Integer> got = s.socket().awaitJson(want.size()).stream()
                        .map(j -> j.get("event").get("n").asInt()).toList();
                assertThat(got).as("seed " + seed).isEqualTo(want);
            }
            // Nothing beyond what was expected arrives.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    subscribers.forEach(s -> assertThat(s.socket().drain()).as("seed " + seed).isEmpty()));
        }
    }

    private static String randomFilter(Random random) {
        List<String> parts = new ArrayList<>();
        if (random.nextBoolean()) {
            List<String> sources = SOURCES.stream().filter(s -> random.nextBoolean()).toList();
            if (!sources.isEmpty()) {
                parts.add("sources=" + String.join(",", sources));
            }
        }
        if (random.nextInt(3) == 0) {
            parts.add("gender=" + random.nextInt(2));
        }
        if (random.nextInt(3) == 0) {
            parts.add("age__gte=" + (20 + 20 * random.nextInt(2)));
        }
        return String.join("&", parts);
    }
}
