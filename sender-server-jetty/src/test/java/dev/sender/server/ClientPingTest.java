package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's own pings are answered (RFC 6455 §5.5.2), so clients with a keepalive, such as Python's
 * {@code websockets} with its defaults, stay connected.
 */
class ClientPingTest {

    @Test
    void clientPing_isAnsweredWithAPongCarryingItsPayload() throws IOException {
        try (ServerFixture server = ServerFixture.start();
                Socket socket = RawHttp.openSilentPeer(server.port(), "/2/ws",
                        Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString()))) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String payload : new String[] {"abcd", "", "x".repeat(125)}) {
                out.write(maskedPing(payload.getBytes(StandardCharsets.UTF_8)));

                assertThat(nextPongPayload(in)).isEqualTo(payload);
            }
        }
    }

    @Test
    void clientThatPingsEverySecondForAMinute_staysConnected_andReceivesEvents() {
        try (ServerFixture server = ServerFixture.start()) {
            UUID account = UUID.randomUUID();
            TestSubscriber subscriber = server.subscribe(account, "");

            for (int i = 0; i < 60; i++) {
                long started = System.nanoTime();
                assertThat(subscriber.pingAndAwaitPong("keepalive-" + i, Duration.ofSeconds(5)))
                        .as("pong for ping %d", i).isTrue();
                assertThat(subscriber.isClosed()).isFalse();
                awaitRestOfSecond(started);
            }

            server.publish(account, "{\"after\":\"a minute\"}");
            assertThat(subscriber.awaitJson().get("event").get("after").asText()).isEqualTo("a minute");
        }
    }

    /** Paces the pings at one a second, as a keepalive does: a rate, not a condition to wait for. */
    private static void awaitRestOfSecond(long startedNanos) {
        long left = Duration.ofSeconds(1).toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static byte[] maskedPing(byte[] payload) {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x89;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** Reads frames, skipping the server's own pings, until a pong; returns its payload. */
    private static String nextPongPayload(DataInputStream in) throws IOException {
        while (true) {
            int opCode = in.readUnsignedByte() & 0x0F;
            int length = in.readUnsignedByte() & 0x7F;
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (opCode == 0xA) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }
}
