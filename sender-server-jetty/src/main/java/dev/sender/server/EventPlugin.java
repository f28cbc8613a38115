package dev.sender.server;

import dev.sender.core.event.Publication;

/**
 * Called for every publication the server accepted, after the broker took it; for instance to archive events
 * or to count them. Calls happen on a plugin thread, one at a time per plugin, in publish order; a plugin that
 * throws is logged and called again for the next publication.
 */
public non-sealed interface EventPlugin extends SenderPlugin {

    /**
     * Sees one accepted publication.
     *
     * @param publication the publication, once the broker accepted it
     */
    void onPublication(Publication publication);
}
