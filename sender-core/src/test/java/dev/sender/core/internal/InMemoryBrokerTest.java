package dev.sender.core.internal;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.testkit.BrokerContract;

class InMemoryBrokerTest extends BrokerContract {

    @Override
    protected Broker newBroker(DeliveryOptions options) {
        return Broker.inMemory(options);
    }
}
