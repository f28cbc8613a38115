package dev.sender.filters;

import static dev.sender.filters.Rejections.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.EventFields;
import dev.sender.core.filter.Filter;
import org.junit.jupiter.api.Test;

class GeoBoundsTest {

    @Test
    void around_usesTheDefaultDelta() {
        assertThat(GeoBounds.around(36.616, 55.752))
                .isEqualTo(new GeoBounds(36.616, 55.752, GeoBounds.DEFAULT_DELTA, GeoBounds.DEFAULT_DELTA));
        assertThat(GeoBounds.DEFAULT_DELTA).isEqualTo(0.01);
    }

    @Test
    void constructor_acceptsTheEdgesOfEachRange() {
        assertThat(new GeoBounds(-180, -90, 0, 0)).extracting(GeoBounds::originLongitude, GeoBounds::originLatitude,
                GeoBounds::longitudeDelta, GeoBounds::latitudeDelta).containsExactly(-180.0, -90.0, 0.0, 0.0);
        assertThat(new GeoBounds(180, 90, 180, 90)).extracting(GeoBounds::originLongitude, GeoBounds::originLatitude,
                GeoBounds::longitudeDelta, GeoBounds::latitudeDelta).containsExactly(180.0, 90.0, 180.0, 90.0);
    }

    @Test
    void constructor_outOfRangeOrNotFinite_isRefusedNamingGeoPosition() {
        assertRefused(() -> new GeoBounds(180.001, 0, 0, 0), "geo_position", "origin_longitude");
        assertRefused(() -> new GeoBounds(0, -90.001, 0, 0), "geo_position", "origin_latitude");
        assertRefused(() -> new GeoBounds(0, 0, -0.001, 0), "geo_position", "longitude_delta");
        assertRefused(() -> new GeoBounds(0, 0, 180.5, 0), "geo_position", "longitude_delta");
        assertRefused(() -> new GeoBounds(0, 0, 0, 91), "geo_position", "latitude_delta");
        assertRefused(() -> new GeoBounds(Double.NaN, 0, 0, 0), "geo_position", "origin_longitude");
        assertRefused(() -> new GeoBounds(0, 0, Double.POSITIVE_INFINITY, 0), "geo_position", "longitude_delta");
    }

    @Test
    void negativeZero_isZero() {
        assertThat(new GeoBounds(-0.0, -0.0, 0, 0)).isEqualTo(new GeoBounds(0, 0, 0, 0));
    }

    @Test
    void geoPosition_mapsToACoreGeoBox() {
        assertThat(HandlerEventFilter.builder().geoPosition(new GeoBounds(1, 2, 3, 4)).build().toFilter())
                .isEqualTo(Filter.geoBox(EventFields.LONGITUDE, EventFields.LATITUDE, 1, 2, 3, 4));
    }
}
