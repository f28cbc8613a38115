package dev.sender.filters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.filters.InvalidFilterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void decode_splitsOnAmpersands_skipsEmptyPieces_andCutsAtTheFirstEquals() {
        assertThat(QueryStrings.decode("&a=1&&b&c=x=y&")).containsExactly(
                Map.entry("a", List.of("1")), Map.entry("b", List.of("")), Map.entry("c", List.of("x=y")));
    }

    @Test
    void decode_collectsEveryValueOfARepeatedName() {
        assertThat(QueryStrings.decode("a=1&b=2&a=3")).containsEntry("a", List.of("1", "3"));
    }

    @Test
    void decode_turnsPlusIntoSpace_andEscapesIntoUtf8() {
        assertThat(QueryStrings.decode("n+1=a+b%20c%2B%2C%C3%A9%F0%9F%98%80")).containsExactly(
                Map.entry("n 1", List.of("a b c+,é😀")));
    }

    @Test
    void decode_keepsRawNonAsciiCharacters() {
        assertThat(QueryStrings.decode("город=Москва")).containsEntry("город", List.of("Москва"));
    }

    @Test
    void decode_malformedEscapeInAValue_namesTheDecodedParameter() {
        assertThatThrownBy(() -> QueryStrings.decode("na%6De=%G0"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("Parameter 'name': malformed percent-encoding in '%G0': '%' must be followed by two"
                        + " hexadecimal digits");
    }

    @Test
    void decode_malformedEscapeInAName_namesTheRawPiece() {
        assertThatThrownBy(() -> QueryStrings.decode("na%m=1"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.parameter()).isEqualTo("na%m"));
    }

    @Test
    void encode_escapesAllButUnreservedCharactersAndCommaColonSlash() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("event.a__in:string", "a b,c/d:e");
        parameters.put("x", "&=+%?#é😀~");
        assertThat(QueryStrings.encode(parameters))
                .isEqualTo("event.a__in:string=a+b,c/d:e&x=%26%3D%2B%25%3F%23%C3%A9%F0%9F%98%80~");
        assertThat(QueryStrings.encode(Map.of())).isEmpty();
    }

    @Test
    void encodeThenDecode_givesTheTextBack() {
        String text = "a b+c&d=e%f,g/h:i~j.k-l_m é ж 中 😀";
        assertThat(QueryStrings.decode("k=" + QueryStrings.encodeComponent(text))).containsEntry("k", List.of(text));
    }
}
