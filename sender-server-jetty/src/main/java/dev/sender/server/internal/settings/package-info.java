/**
 * The settings of the server declared once, in {@link dev.sender.server.internal.settings.Settings}, and read
 * from files, environment variables and command-line options; not an API, may change in any release.
 */
@NullMarked
package dev.sender.server.internal.settings;

import org.jspecify.annotations.NullMarked;
