/**
 * Events, topics, filters and the in-memory broker of Sender, with the SPI other brokers build on.
 * Implementation packages ({@code dev.sender.core.internal..}) are not exported.
 */
module dev.sender.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive org.jspecify;
    requires org.slf4j;

    exports dev.sender.core;
    exports dev.sender.core.event;
    exports dev.sender.core.filter;
    exports dev.sender.core.spi;
}
