package dev.sender.server;

/**
 * A plugin of the Sender server, listed by {@code GET /plugins}. A plugin is either an {@link EventPlugin},
 * called for every published event, or a {@link BackgroundPlugin}, started and stopped with the server.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: list implementation classes in
 * {@code META-INF/services/dev.sender.server.SenderPlugin}, each with a public no-argument constructor. They
 * can also be given to {@link SenderServer.Builder#plugin(SenderPlugin)}.
 */
public sealed interface SenderPlugin permits EventPlugin, BackgroundPlugin {

    /** {@return the name shown by {@code /plugins}; by default the simple class name} */
    default String name() {
        return getClass().getSimpleName();
    }
}
