package dev.sender.server.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.server.SenderSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void everyDefault_readsBackFromItsText_asTheDefaultOfSenderSettings() {
        SenderSettings defaults = SenderSettings.ofDefaults();
        for (Setting<?> setting : Settings.ALL) {
            if (setting.inSenderSettings() && setting.defaultValue() != null) {
                SenderSettings read = new SettingsSource().set(setting.key(), setting.defaultText()).settings();
                assertThat(read).as(setting.key()).isEqualTo(defaults);
                assertThat(setting.shownIn(defaults)).as(setting.key()).isEqualTo(defaults.asMap().get(setting.key()));
            }
        }
    }

    @Test
    void asMap_listsEverySettingOfSenderSettings_inTableOrder() {
        List<String> keys = Settings.ALL.stream().filter(Setting::inSenderSettings).map(Setting::key).toList();

        assertThat(SenderSettings.ofDefaults().asMap()).containsOnlyKeys(keys);
        assertThat(List.copyOf(SenderSettings.ofDefaults().asMap().keySet())).isEqualTo(keys);
    }

    @Test
    void environmentVariable_isTheKeyUpperCased() {
        assertThat(Settings.find("max-subscribers-per-account").orElseThrow().environmentVariable())
                .isEqualTo("SENDER_MAX_SUBSCRIBERS_PER_ACCOUNT");
        assertThat(Settings.REDIS.environmentVariable()).isEqualTo("SENDER_REDIS");
        assertThat(Settings.REDIS.option()).isEqualTo("--redis");
        assertThat(Settings.find("colour")).isEmpty();
    }

    @Test
    void sizesAndDurations_areWrittenInTheLargestExactUnit() {
        assertThat(SettingType.BYTES.text(16L << 20)).isEqualTo("16MiB");
        assertThat(SettingType.BYTES.text(1536L)).isEqualTo("1536");
        assertThat(SettingType.BYTES.text(3L << 30)).isEqualTo("3GiB");
        assertThat(SettingType.DURATION.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(SettingType.DURATION.text(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(SettingType.DURATION.text(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(SettingType.DURATION.text(Duration.ofNanos(5))).isEqualTo("PT0.000000005S");
        assertThat(SettingType.DURATION.parse(" PT0.000000005S ")).isEqualTo(Duration.ofNanos(5));
    }

    @Test
    void onlyTheRedisUri_isSecret() {
        assertThat(Settings.ALL.stream().filter(Setting::secret)).containsExactly(Settings.REDIS);
    }
}
