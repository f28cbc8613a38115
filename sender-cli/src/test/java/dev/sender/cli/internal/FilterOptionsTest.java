package dev.sender.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sender.core.event.Emotion;
import dev.sender.core.event.Gender;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FilterOptionsTest {

    private static final UUID HANDLER = UUID.fromString("557d54ec-29ad-4f3c-93b4-c9092ef12515");

    @Test
    void typedOptions_standForTheirLunaParameters() {
        Map<String, Object> parameters = handler("--source", "cam-1", "--source", "cam-2", "--handler",
                HANDLER.toString(), "--tag", "vip", "--gender", "male", "--age-min", "30", "--age-max", "40",
                "--emotion", "happiness", "--emotion", "NEUTRAL", "--similarity-min", "0.8");

        assertThat(parameters).containsExactly(
                entry("sources", List.of("cam-1", "cam-2")),
                entry("handler_ids", List.of(HANDLER)),
                entry("tags", List.of("vip")),
                entry("gender", Gender.MALE),
                entry("age__gte", 30),
                entry("age__lt", 41),
                entry("emotions", List.of(Emotion.HAPPINESS, Emotion.NEUTRAL)),
                entry("object_similarity__gte", 0.8));
    }

    @Test
    void rawParameters_comeAsGiven_afterTheTypedOnes_withTheQueryUrlDecoded() {
        Map<String, Object> parameters = handler("--param", "emotions=4,5", "--query",
                "?age__gte=30&user_data=a+b%26c&sources=x%2Cy", "--gender", "female", "--param", "masks=");

        assertThat(parameters).containsExactly(
                entry("gender", Gender.FEMALE),
                entry("age__gte", "30"),
                entry("user_data", "a b&c"),
                entry("sources", "x,y"),
                entry("emotions", "4,5"),
                entry("masks", ""));
    }

    @Test
    void generalEvents_takeTheSourceTheEventTypeAndTheAccount() {
        UUID account = UUID.randomUUID();

        Map<String, Object> parameters = parse(true, account, "--event-type", "door_opened", "--source", "door-3",
                "--param", "event.temperature__gt:numeric=36.6");

        assertThat(parameters).containsExactly(
                entry("sources", List.of("door-3")),
                entry("event_type", List.of("door_opened")),
                entry("account_id", account),
                entry("event.temperature__gt:numeric", "36.6"));
    }

    @Test
    void aParameterGivenTwice_isRefused_namingTheOptionsThatGaveIt() {
        assertThatThrownBy(() -> handler("--gender", "male", "--query", "gender=0"))
                .hasMessage("the filter parameter 'gender' is given twice: by --gender and by --query");
        assertThatThrownBy(() -> handler("--param", "tags=a", "--param", "tags=b"))
                .hasMessage("the filter parameter 'tags' is given twice, by --param");
    }

    @Test
    void optionsOfTheOtherKindOfEvents_areRefused() {
        assertThatThrownBy(() -> parse(true, null, "--age-min", "30"))
                .hasMessage("--age-min filters handler events, not general ones (--general)");
        assertThatThrownBy(() -> handler("--event-type", "door_opened"))
                .hasMessage("--event-type filters general events: add --general");
    }

    @Test
    void rawParametersThatDoNotRead_areRefused() {
        assertThatThrownBy(() -> handler("--param", "gender")).hasMessage("--param expects NAME=VALUE, got 'gender'");
        assertThatThrownBy(() -> handler("--param", "=1")).hasMessage("--param expects NAME=VALUE, got '=1'");
        assertThatThrownBy(() -> handler("--query", "user_data=%zz"))
                .hasMessageStartingWith("--query: 'user_data=%zz' is not URL-encoded");
    }

    @Test
    void noFilter_isNoParameter() {
        assertThat(handler()).isEmpty();
    }

    private static Map<String, Object> handler(String... args) {
        return parse(false, null, args);
    }

    private static Map<String, Object> parse(boolean general, @Nullable UUID account, String... args) {
        FilterOptions options = new FilterOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options.parameters(general, account);
    }
}
