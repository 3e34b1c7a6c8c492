package dev.trackingapi.auth;

import dev.trackingapi.store.ApiKeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void generatedKeys_carryThePrefixAnd32RandomBytesUrlSafe() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.generate(new SecureRandom());
            assertThat(key).matches("gtk_[A-Za-z0-9_-]{43}");
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theHashIsSha256Hex_andTheKeyIdItsFirstTwelveCharacters() {
        String hash = ApiKeys.hash("abc");

        assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeyRecord.keyIdOf(hash)).isEqualTo("ba7816bf8f01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "tab\tkey", "ключ", "key\u0000", "é"})
    void keysWithNonPrintableOrNonAsciiCharacters_areNotPlausible(String key) {
        assertThat(ApiKeys.isPlausible(key)).isFalse();
    }

    @Test
    void veryLongKeys_areNotPlausible() {
        assertThat(ApiKeys.isPlausible("k".repeat(256))).isTrue();
        assertThat(ApiKeys.isPlausible("k".repeat(257))).isFalse();
        assertThat(ApiKeys.isPlausible(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "store-42", "A_b-9", "x"})
    void projectIds_areWordsWithoutTheKeySeparator(String projectId) {
        assertThat(ProjectIds.isValid(projectId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", "a#b", "a b", "p/q", "é"})
    void otherProjectIds_areInvalid(String projectId) {
        assertThat(ProjectIds.isValid(projectId)).isFalse();
    }
}
