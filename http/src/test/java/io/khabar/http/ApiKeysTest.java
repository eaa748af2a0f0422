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

    @Test
    void aSessionCookieIsDerivedFromTheKeyAndNeverCarriesIt() {
        Optional<String> key = Optional.of("s3cret");
        String token = ApiKeys.sessionToken("s3cret");
        assertThat(token).doesNotContain("s3cret").matches("[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.sessionToken("s3cret")).isEqualTo(token);
        assertThat(ApiKeys.authorized(key, null, null, token)).isTrue();
        assertThat(ApiKeys.authorized(key, null, null, ApiKeys.sessionToken("other"))).isFalse();
        assertThat(ApiKeys.authorized(key, null, null, "s3cret")).as("the key itself is not a session").isFalse();
        assertThat(ApiKeys.authorized(key, null, null, null)).isFalse();
        // a wrong key in a header is refused even with a valid cookie: the request said who it is
        assertThat(ApiKeys.authorized(key, null, "wrong", token)).isFalse();
        assertThat(ApiKeys.authorized(key, "Bearer s3cret", null, null)).isTrue();
        assertThat(ApiKeys.authorized(Optional.empty(), null, null, null)).isTrue();
    }
}
