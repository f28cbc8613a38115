/** The service resources: version, plugins, metrics, health, configuration and the documentation pages; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.service;

import org.jspecify.annotations.NullMarked;
