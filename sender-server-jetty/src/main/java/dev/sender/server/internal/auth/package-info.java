/** Access control (SPEC §8): where tokens travel, JSON Web Tokens, and the checks the endpoints make. */
@NullMarked
package dev.sender.server.internal.auth;

import org.jspecify.annotations.NullMarked;
