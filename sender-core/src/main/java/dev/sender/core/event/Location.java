package dev.sender.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Where an event happened: {@code event.location}. Every part may be missing.
 *
 * @param city {@code location.city}
 * @param area {@code location.area}
 * @param district {@code location.district}
 * @param street {@code location.street}
 * @param houseNumber {@code location.house_number}
 * @param geoPosition {@code location.geo_position}, when it holds both coordinates as numbers
 */
public record Location(@Nullable String city, @Nullable String area, @Nullable String district,
        @Nullable String street, @Nullable String houseNumber, @Nullable GeoPosition geoPosition) {

    /**
     * A point on the globe.
     *
     * @param longitude degrees east
     * @param latitude degrees north
     */
    public record GeoPosition(double longitude, double latitude) {
    }
}
