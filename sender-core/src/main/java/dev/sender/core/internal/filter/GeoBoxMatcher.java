package dev.sender.core.internal.filter;

import dev.sender.core.filter.Filter;

/**
 * {@code GeoBox}: the first numeric longitude and latitude lie within the box. A tolerance of 1e-9 degrees
 * keeps points on the edge inside despite binary rounding (36.626 − 36.616 is not exactly 0.01).
 */
final class GeoBoxMatcher implements Matcher {

    private static final double TOLERANCE = 1e-9;

    private final int longitudeSlot;
    private final int latitudeSlot;
    private final Filter.GeoBox box;

    GeoBoxMatcher(int longitudeSlot, int latitudeSlot, Filter.GeoBox box) {
        this.longitudeSlot = longitudeSlot;
        this.latitudeSlot = latitudeSlot;
        this.box = box;
    }

    @Override
    public boolean matches(EventView view) {
        int lon = firstNumber(view, longitudeSlot);
        int lat = firstNumber(view, latitudeSlot);
        return lon >= 0 && lat >= 0
                && Math.abs(view.number(lon) - box.originLongitude()) <= box.longitudeDelta() + TOLERANCE
                && Math.abs(view.number(lat) - box.originLatitude()) <= box.latitudeDelta() + TOLERANCE;
    }

    private static int firstNumber(EventView view, int slot) {
        for (int e = view.first(slot); e >= 0; e = view.next(e)) {
            if (view.isNumber(e)) {
                return e;
            }
        }
        return -1;
    }
}
