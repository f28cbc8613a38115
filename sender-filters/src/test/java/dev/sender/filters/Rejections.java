package dev.sender.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sender.core.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/** Assertions on refused filters: the exception type, the error code and a detail naming the parameter. */
final class Rejections {

    private Rejections() {
    }

    /** A table row: {@code query} is refused naming {@code parameter}, with a detail containing {@code why}. */
    static Arguments refused(String query, String parameter, String why) {
        return Arguments.of(query, parameter, why);
    }

    /** Runs {@code call}, which must refuse {@code parameter} with a detail that contains {@code why}. */
    static InvalidFilterException assertRefused(ThrowingCallable call, String parameter, String why) {
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class, call);
        assertThat(e).as("an InvalidFilterException").isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS);
        assertThat(e.errorCode().code()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS.code());
        assertThat(e.parameter()).isEqualTo(parameter);
        assertThat(e.detail()).startsWith("Parameter '" + parameter + "': ").contains(why);
        assertThat(e.getMessage()).isEqualTo(e.detail());
        return e;
    }
}
