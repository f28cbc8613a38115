package dev.sender.filters;

import dev.sender.filters.internal.Numbers;

/**
 * The box of the {@code geo_position} filter: events whose {@code location.geo_position} lies within
 * {@code |longitude − originLongitude| ≤ longitudeDelta} and {@code |latitude − originLatitude| ≤ latitudeDelta}
 * match. In a query it reads {@code origin_longitude,X,origin_latitude,Y[,longitude_delta,DX][,latitude_delta,DY]}.
 *
 * <pre>{@code
 * GeoBounds moscow = GeoBounds.around(37.617, 55.756);              // ± 0.01 degrees
 * GeoBounds wide = new GeoBounds(37.617, 55.756, 0.5, 0.25);
 * }</pre>
 *
 * @param originLongitude longitude of the centre, in [-180, 180]
 * @param originLatitude latitude of the centre, in [-90, 90]
 * @param longitudeDelta half the width of the box, in [0, 180]
 * @param latitudeDelta half the height of the box, in [0, 90]
 */
public record GeoBounds(double originLongitude, double originLatitude, double longitudeDelta,
        double latitudeDelta) {

    /** The delta a query that gives none uses, in degrees. */
    public static final double DEFAULT_DELTA = 0.01;

    /**
     * Checks the box.
     *
     * @param originLongitude longitude of the centre, in -180..180
     * @param originLatitude latitude of the centre, in -90..90
     * @param longitudeDelta half the width of the box in degrees, in 0..180
     * @param latitudeDelta half the height of the box in degrees, in 0..90
     * @throws InvalidFilterException naming {@code geo_position} when a value is not finite or out of range
     */
    public GeoBounds {
        originLongitude = check(originLongitude, -180, 180, "origin_longitude");
        originLatitude = check(originLatitude, -90, 90, "origin_latitude");
        longitudeDelta = check(longitudeDelta, 0, 180, "longitude_delta");
        latitudeDelta = check(latitudeDelta, 0, 90, "latitude_delta");
    }

    /**
     * The box of {@link #DEFAULT_DELTA} degrees either way around the origin.
     *
     * @param originLongitude longitude of the centre, in -180..180
     * @param originLatitude latitude of the centre, in -90..90
     * @return the box
     */
    public static GeoBounds around(double originLongitude, double originLatitude) {
        return new GeoBounds(originLongitude, originLatitude, DEFAULT_DELTA, DEFAULT_DELTA);
    }

    private static double check(double value, double min, double max, String key) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidFilterException("geo_position", key + " must be a number between "
                    + Numbers.format(min) + " and " + Numbers.format(max) + ", got " + Numbers.format(value));
        }
        return value + 0.0; // -0.0 becomes 0.0, so that equal boxes print and compare alike
    }
}
