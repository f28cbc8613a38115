package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the server pings its subscribers: each one every ping interval, a crowd spread over the interval. */
class PingScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final int PEERS = 20;

    @Test
    void subscribersWhoConnectTogether_arePingedAtMomentsSpreadOverTheInterval_eachEveryInterval() throws Exception {
        try (ServerFixture server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .pingInterval(INTERVAL).pongTimeout(Duration.ofSeconds(10)).build()))) {
            List<Socket> peers = new ArrayList<>();
            List<CompletableFuture<long[]>> pings = new ArrayList<>();
            // One reader each, so that every ping is timed as it arrives.
            ExecutorService readers = Executors.newFixedThreadPool(PEERS);
            try {
                long connected = System.nanoTime();
                for (int i = 0; i < PEERS; i++) {
                    Socket peer = RawHttp.openSilentPeer(server.port(), "/2/ws",
                            Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString()));
                    peers.add(peer);
                    pings.add(CompletableFuture.supplyAsync(() -> twoPingsAnswered(peer), readers));
                }
                long firstPingMin = Long.MAX_VALUE;
                long firstPingMax = Long.MIN_VALUE;
                for (CompletableFuture<long[]> p : pings) {
                    long[] at = p.get(30, TimeUnit.SECONDS);
                    firstPingMin = Math.min(firstPingMin, at[0]);
                    firstPingMax = Math.max(firstPingMax, at[0]);
                    // The sweep visits each subscriber every second (half the shorter of interval and timeout).
                    assertThat(Duration.ofNanos(at[0] - connected)).isLessThan(INTERVAL.plusSeconds(5));
                    assertThat(Duration.ofNanos(at[1] - at[0])).isGreaterThanOrEqualTo(INTERVAL.minusMillis(50))
                            .isLessThan(INTERVAL.plusSeconds(5));
                }
                assertThat(Duration.ofNanos(firstPingMax - firstPingMin))
                        .as("the first pings of %d subscribers who connected together", PEERS)
                        .isGreaterThan(INTERVAL.dividedBy(4));
            } finally {
                for (Socket peer : peers) {
                    peer.close();
                }
                readers.shutdownNow();
            }
        }
    }

    /** Reads frames until two pings came, answering each with a pong; returns when they came. */
    private static long[] twoPingsAnswered(Socket peer) {
        try {
            DataInputStream in = new DataInputStream(peer.getInputStream());
            OutputStream out = peer.getOutputStream();
            long[] at = new long[2];
            int seen = 0;
            while (seen < 2) {
                int first = in.readUnsignedByte();
                int length = in.readUnsignedByte() & 0x7F;
                byte[] payload = in.readNBytes(length);
                if ((first & 0x0F) == 0x9) {
                    at[seen++] = System.nanoTime();
                    byte[] pong = new byte[6 + payload.length];
                    pong[0] = (byte) 0x8A;
                    pong[1] = (byte) (0x80 | payload.length);
                    // A zero mask leaves the payload as it is.
                    System.arraycopy(payload, 0, pong, 6, payload.length);
                    out.write(pong);
                    out.flush();
                }
            }
            return at;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
