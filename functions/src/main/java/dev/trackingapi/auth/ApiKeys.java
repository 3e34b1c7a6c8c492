package dev.trackingapi.auth;

import dev.trackingapi.domain.Digests;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: 32 random bytes from a secure source, URL-safe, with a recognisable prefix. Only a key's SHA-256 is ever
 * stored; the first characters of that hash (the key id) name a key in listings and logs without revealing it.
 */
public final class ApiKeys {
    public static final String PREFIX = "gtk_";
    private static final int RANDOM_BYTES = 32;
    private static final int KEY_ID_LENGTH = 12;
    private static final int MAX_PRESENTED_LENGTH = 256;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiKeys() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + BASE64URL.encodeToString(bytes);
    }

    public static String hash(String key) {
        return Digests.sha256Hex(key);
    }

    public static String keyIdOfHash(String keyHash) {
        return keyHash.substring(0, KEY_ID_LENGTH);
    }

    /**
     * Whether a presented key could be one at all: 1 to 256 printable ASCII characters. Anything else is refused
     * without a lookup. Generated keys are stricter; keys chosen for local runs (--api-key) need only this.
     */
    public static boolean isPlausible(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_PRESENTED_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
