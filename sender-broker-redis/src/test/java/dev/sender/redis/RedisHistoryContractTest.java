package dev.sender.redis;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.testkit.HistoryContract;
import dev.sender.redis.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The history every broker that keeps one has (SPEC §9), kept in Redis streams. */
class RedisHistoryContractTest extends HistoryContract {

    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected Broker newBroker(DeliveryOptions options, HistoryOptions history) {
        return RedisBroker.builder(redis.uri()).deliveryOptions(options).history(history).connect();
    }

    /** Redis bounds each topic's stream by size and TTL; {@link HistoryOptions#maxBytes()} is for memory. */
    @Override
    protected boolean boundsBytesAcrossTopics() {
        return false;
    }
}
