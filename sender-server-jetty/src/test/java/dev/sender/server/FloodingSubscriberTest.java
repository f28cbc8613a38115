package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that sends without pause (pings it never reads the pongs of) does not hold up anyone else: what
 * subscribers send is read on the selector thread, which serves every connection, so a connection that always
 * has more to read hands its reading to a pool thread after a few frames.
 */
class FloodingSubscriberTest {

    @Test
    void subscriberThatNeverStopsSending_delaysNoOneElse() throws Exception {
        try (ServerFixture server = ServerFixture.start()) {
            UUID account = UUID.randomUUID();
            TestSubscriber other = server.subscribe(account, "");
            AtomicBoolean flooding = new AtomicBoolean(true);
            try (Socket flooder = RawHttp.openSilentPeer(server.port(), "/2/ws",
                    Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString()))) {
                Thread sender = new Thread(() -> flood(flooder, flooding), "flooder");
                sender.start();
                try {
                    assertThat(server.publish(account, "{\"during\":\"a flood\"}").statusCode()).isEqualTo(201);
                    assertThat(other.awaitJson().get("event").get("during").asText()).isEqualTo("a flood");
                    assertThat(other.pingAndAwaitPong("still answered", TestSubscriber.TIMEOUT)).isTrue();
                } finally {
                    flooding.set(false);
                    flooder.close();
                    sender.join();
                }
            }
        }
    }

    /** Writes masked pings, 64 KiB at a time, until told to stop or the server closes. */
    private static void flood(Socket socket, AtomicBoolean flooding) {
        byte[] batch = new byte[6 * 10_922];
        for (int at = 0; at < batch.length; at += 6) {
            batch[at] = (byte) 0x89;
            batch[at + 1] = (byte) 0x80;
            batch[at + 2] = 0x11;
            batch[at + 3] = 0x22;
            batch[at + 4] = 0x33;
            batch[at + 5] = 0x44;
        }
        try {
            OutputStream out = socket.getOutputStream();
            while (flooding.get()) {
                out.write(batch);
            }
        } catch (IOException closedByTheServer) {
            // The server may close a peer that never reads; the flood is over then.
        }
    }
}
