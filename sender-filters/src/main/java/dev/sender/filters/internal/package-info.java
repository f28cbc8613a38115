/**
 * Implementation details of sender-filters: the parameter catalogue, value codecs and the query-string
 * codec. Not an API; may change in any release.
 */
@NullMarked
package dev.sender.filters.internal;

import org.jspecify.annotations.NullMarked;
