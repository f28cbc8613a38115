/**
 * The LUNA query-string filters of Sender, parsed into sender-core filters.
 * Implementation packages ({@code dev.sender.filters.internal}) are not exported.
 */
module dev.sender.filters {
    requires transitive dev.sender.core;

    exports dev.sender.filters;
}
