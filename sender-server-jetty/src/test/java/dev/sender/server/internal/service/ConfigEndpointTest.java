package dev.sender.server.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "redis,                 redis://sender:hunter2@cache:6379/0,  redis://sender:********@cache:6379/0",
            "redis,                 redis://hunter2@cache:6379,           redis://********@cache:6379",
            "redis,                 redis://:hunter2@cache,               redis://:********@cache",
            "redis,                 redis://cache:6379/2,                 redis://cache:6379/2",
            "redis-password,        hunter2,                              ********",
            "api-token,             abc,                                  ********",
            "tls-keystore-password, changeit,                             ********",
            "tls-keystore,          /etc/sender/tls.p12,                  /etc/sender/tls.p12",
            "host,                  127.0.0.1,                            127.0.0.1"})
    void mask_hidesPasswordsInUrisAndSecretKeys(String key, String value, String shown) {
        assertThat(ConfigEndpoint.mask(key, value)).isEqualTo(shown);
    }
}
