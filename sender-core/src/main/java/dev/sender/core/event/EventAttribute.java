package dev.sender.core.event;

import dev.sender.core.filter.Value;
import java.util.Optional;

/**
 * A constant of an enumerated LUNA attribute: how it is written in a subscription query string and how an
 * event carries it. {@link Gender#MALE}, for instance, is {@code gender=1} in a query and the integer
 * {@code 1} in an event, while {@link Emotion#HAPPINESS} is {@code emotions=4} and the string
 * {@code "happiness"}.
 */
public interface EventAttribute {

    /** {@return the token that stands for this constant in a subscription query string} */
    String queryValue();

    /** {@return the JSON value an event carries for this constant} */
    Value jsonValue();

    /**
     * The constant of {@code type} written {@code queryValue} in a query string, if any.
     *
     * @param <E> the attribute's enum
     * @param type the attribute's enum class, such as {@code Emotion.class}
     * @param queryValue the token read from a query string, such as {@code 4} or {@code red}
     * @return the constant, or empty when {@code queryValue} stands for none
     */
    static <E extends Enum<E> & EventAttribute> Optional<E> fromQueryValue(Class<E> type, String queryValue) {
        for (E constant : type.getEnumConstants()) {
            if (constant.queryValue().equals(queryValue)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
