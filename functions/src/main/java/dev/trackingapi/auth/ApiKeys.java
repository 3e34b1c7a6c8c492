package dev.trackingapi.auth;

import dev.trackingapi.model.Digests;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: 32 random bytes from a secure source, URL-safe, with a recognisable prefix. Only a key's SHA-256 is ever
 * stored.
 */
public final class ApiKeys {
    /** The header that carries the key; HTTP API lower-cases header names in payload 2.0. */
    public static final String HEADER = "x-growlytics-key";
    public static final String PREFIX = "gtk_";
    private static final int RANDOM_BYTES = 32;
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
