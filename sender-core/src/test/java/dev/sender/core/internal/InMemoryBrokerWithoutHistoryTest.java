package dev.sender.core.internal;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.testkit.BrokerContract;

/** The broker contract, by an in-memory broker that keeps no history (its publications skip the rings). */
class InMemoryBrokerWithoutHistoryTest extends BrokerContract {

    @Override
    protected Broker newBroker(DeliveryOptions options) {
        return Broker.inMemory(options, HistoryOptions.OFF);
    }
}
