package dev.sender.redis;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.testkit.BrokerContract;
import dev.sender.redis.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The broker contract every implementation passes, on a real Redis. */
class RedisBrokerContractTest extends BrokerContract {

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
    protected Broker newBroker(DeliveryOptions options) {
        return RedisBroker.builder(redis.uri()).deliveryOptions(options).connect();
    }
}
