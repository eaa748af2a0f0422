package io.khabar.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {
    @Test
    void noConfiguredKeyLeavesTheEndpointOpen() {
        assertThat(ApiKeys.authorized(Optional.empty(), null, null)).isTrue();
        assertThat(ApiKeys.authorized(Optional.of(" "), null, null)).isTrue();
    }

    @Test
    void theKeyIsTakenFromEitherHeaderAndMustMatchExactly() {
        Optional<String> key = Optional.of("s3cret");
        assertThat(ApiKeys.authorized(key, "Bearer s3cret", null)).isTrue();
        assertThat(ApiKeys.authorized(key, "bearer s3cret ", null)).isTrue();
        assertThat(ApiKeys.authorized(key, null, "s3cret")).isTrue();
        assertThat(ApiKeys.authorized(key, null, null)).isFalse();
        assertThat(ApiKeys.authorized(key, "Bearer s3cre", null)).isFalse();
        assertThat(ApiKeys.authorized(key, "Basic s3cret", null)).isFalse();
        assertThat(ApiKeys.authorized(key, null, "S3CRET")).isFalse();
    }
}
