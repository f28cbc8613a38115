package dev.sender.filters;

import static dev.sender.filters.Rejections.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.filter.ValueType;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The user-filter value: its checks, its canonical name and its mapping to the core filter DSL. */
class UserFilterTest {

    private static final Field A = Field.ofKeys(List.of("event", "a"));

    @Test
    void of_splitsThePathOnDots() {
        UserFilter f = UserFilter.of("field_2.field_3", Operator.IN, FieldType.STRING, "value", "none");
        assertThat(f.path()).containsExactly("field_2", "field_3");
        assertThat(f.field()).isEqualTo(Field.ofKeys(List.of("event", "field_2", "field_3")));
        assertThat(f.parameterName()).isEqualTo("event.field_2.field_3__in");
        assertThat(f.queryValue()).isEqualTo("value,none");
    }

    @Test
    void of_inValuesRepeated_collapse() {
        assertThat(UserFilter.of("a", Operator.IN, FieldType.INTEGER, "2", "1", "2").values()).containsExactly("2", "1");
    }

    @Test
    void parse_readsNameAndValue() {
        assertThat(UserFilter.parse("event.field_1__gt:numeric", "36.6"))
                .isEqualTo(new UserFilter(List.of("field_1"), Operator.GT, FieldType.NUMERIC, List.of("36.6")));
    }

    @Test
    void constructor_checksLikeTheParser() {
        assertRefused(() -> UserFilter.of("a", Operator.GT, FieldType.STRING, "1"), "event.a__gt",
                "needs type integer or numeric");
        assertRefused(() -> UserFilter.of("a", Operator.LIKE, FieldType.BOOLEAN, "true"), "event.a__like:boolean",
                "needs type string");
        assertRefused(() -> UserFilter.of("a", Operator.EQ, FieldType.INTEGER, "4.0"), "event.a:integer",
                "expected an integer");
        assertRefused(() -> UserFilter.of("a", Operator.EQ, FieldType.STRING, "x", "y"), "event.a",
                "takes one value, got 2");
        assertRefused(() -> UserFilter.of("a", Operator.IN, FieldType.STRING), "event.a__in", "needs a value");
        assertRefused(() -> UserFilter.of("a", Operator.IN, FieldType.STRING, "x,y"), "event.a__in",
                "contains a comma");
        assertRefused(() -> UserFilter.of("a", Operator.EQ, FieldType.STRING, ""), "event.a", "empty value");
        assertRefused(() -> UserFilter.of("a", Operator.LT, FieldType.NUMERIC, "none"), "event.a__lt:numeric",
                "'none' is allowed only");
        assertRefused(() -> UserFilter.of("a..b", Operator.EQ, FieldType.STRING, "x"), "event.a..b", "empty key");
        assertRefused(() -> new UserFilter(List.of(), Operator.EQ, FieldType.STRING, List.of("x")), "event.",
                "the path is empty");
        assertRefused(() -> new UserFilter(List.of("a.b"), Operator.EQ, FieldType.STRING, List.of("x")),
                "event.a.b", "holds a dot");
        assertRefused(() -> UserFilter.of("a", Operator.EQ, FieldType.STRING, "\uD800"), "event.a",
                "unpaired surrogate");
    }

    @Test
    void constructor_nullArguments_failNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> UserFilter.of(null, Operator.EQ, FieldType.STRING, "x"))
                .withMessage("dottedPath");
        assertThatNullPointerException().isThrownBy(() -> UserFilter.of("a", null, FieldType.STRING, "x"))
                .withMessage("op");
        assertThatNullPointerException().isThrownBy(() -> UserFilter.of("a", Operator.EQ, null, "x"))
                .withMessage("type");
    }

    @Test
    void parameterName_omitsEqAndString_unlessThePathNeedsThem() {
        assertThat(UserFilter.of("a", Operator.EQ, FieldType.STRING, "x").parameterName()).isEqualTo("event.a");
        assertThat(UserFilter.of("a", Operator.EQ, FieldType.BOOLEAN, "true").parameterName())
                .isEqualTo("event.a:boolean");
        assertThat(UserFilter.of("a", Operator.NIN, FieldType.STRING, "x").parameterName()).isEqualTo("event.a__nin");
        assertThat(UserFilter.of("my__key", Operator.EQ, FieldType.STRING, "x").parameterName())
                .isEqualTo("event.my__key__eq");
        assertThat(UserFilter.of("a:b", Operator.EQ, FieldType.STRING, "x").parameterName())
                .isEqualTo("event.a:b:string");
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void operator_tokenReadsBack(Operator op) {
        assertThat(Operator.fromToken(op.token())).contains(op);
        assertThat(op.token()).isLowerCase();
    }

    @ParameterizedTest
    @EnumSource(FieldType.class)
    void fieldType_tokenReadsBack(FieldType type) {
        assertThat(FieldType.fromToken(type.token())).contains(type);
    }

    @Test
    void toFilter_mapsEveryOperatorToTheCoreDsl() {
        assertThat(filter("event.a=x")).isEqualTo(Filter.eq(A, Value.string("x")));
        assertThat(filter("event.a:integer=4")).isEqualTo(Filter.eq(A, Value.integer(4)));
        assertThat(filter("event.a:numeric=4.5")).isEqualTo(Filter.eq(A, Value.number(4.5)));
        assertThat(filter("event.a:boolean=false")).isEqualTo(Filter.eq(A, Value.bool(false)));
        assertThat(filter("event.a=none")).isEqualTo(Filter.absent(A));
        assertThat(filter("event.a__ne:integer=4")).isEqualTo(
                Filter.and(Filter.present(A, ValueType.INTEGER), Filter.not(Filter.eq(A, Value.integer(4)))));
        assertThat(filter("event.a__ne:integer=none")).isEqualTo(Filter.present(A, ValueType.ANY));
        assertThat(filter("event.a__in=x,y")).isEqualTo(Filter.in(A, Value.string("x"), Value.string("y")));
        assertThat(filter("event.a__in=x,none")).isEqualTo(
                Filter.or(Filter.in(A, Value.string("x")), Filter.absent(A)));
        assertThat(filter("event.a__in=none")).isEqualTo(Filter.absent(A));
        assertThat(filter("event.a__nin:numeric=1,none")).isEqualTo(
                Filter.and(Filter.present(A, ValueType.NUMBER), Filter.not(Filter.in(A, Value.number(1)))));
        assertThat(filter("event.a__nin=none")).isEqualTo(Filter.present(A, ValueType.ANY));
        assertThat(filter("event.a__gt:integer=1")).isEqualTo(Filter.gt(A, Value.integer(1)));
        assertThat(filter("event.a__gte:numeric=1")).isEqualTo(Filter.gte(A, Value.number(1)));
        assertThat(filter("event.a__lt:integer=1")).isEqualTo(Filter.lt(A, Value.integer(1)));
        assertThat(filter("event.a__lte:numeric=1.5")).isEqualTo(Filter.lte(A, Value.number(1.5)));
        assertThat(filter("event.a__like=b,c")).isEqualTo(Filter.like(A, "b,c"));
    }

    private static Filter filter(String query) {
        return GeneralEventFilter.parse(query).toFilter();
    }
}
