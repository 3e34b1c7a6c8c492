package dev.trackingapi.api;

import dev.trackingapi.model.Digests;
import dev.trackingapi.validation.JsonPath;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.validation.RequestValidationException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Opaque page cursors, bound to what they page through. A cursor is base64url of a version byte, a binding (the first
 * {@value #BINDING_BYTES} bytes of a SHA-256 of the route's scope: project, customer, filters) and the position where
 * the page ended. A cursor presented with another scope (another customer, another project, other filters) is refused
 * with 422, as is one that is not a cursor at all.
 *
 * <p>No secret signs it, on purpose: the position only says where to start inside the partition that the key's
 * project and the request's own parameters name, and the reader checks that it lies inside the query's range, so a
 * forged cursor can reach nothing the same key cannot read without one. The binding is there to catch mistakes (a
 * cursor reused for another customer or with other filters), not to stop an attacker; an HMAC would add a secret to
 * provision and rotate for no protection the partition key does not already give.
 */
public final class Cursors {
    /** The longest cursor accepted: a position of a few hundred characters, base64url. */
    public static final int MAX_LENGTH = 1024;
    private static final byte VERSION = 1;
    private static final int BINDING_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Cursors() {
    }

    /** The cursor of {@code position} in the scope {@code boundTo}, e.g. (route, project, customer, filters...). */
    public static String issue(String position, List<String> boundTo) {
        byte[] positionBytes = position.getBytes(StandardCharsets.UTF_8);
        ByteBuffer cursor = ByteBuffer.allocate(1 + BINDING_BYTES + positionBytes.length);
        cursor.put(VERSION).put(binding(boundTo)).put(positionBytes);
        return ENCODER.encodeToString(cursor.array());
    }

    /**
     * The position a cursor holds, when it was issued for this scope.
     *
     * @param parameter the query parameter it came in, named by the 422
     * @throws RequestValidationException 422 when it is not a cursor, or not one of this scope
     */
    public static String read(String cursor, String parameter, List<String> boundTo) {
        Problems problems = new Problems();
        String position = read(cursor, parameter, boundTo, problems);
        problems.throwIfAny();
        return position;
    }

    /**
     * The same, recording the problem among the request's others instead: null after recording it.
     */
    public static String read(String cursor, String parameter, List<String> boundTo, Problems problems) {
        JsonPath path = JsonPath.root().field(parameter);
        byte[] bytes = cursor.length() > MAX_LENGTH ? null : decode(cursor);
        if (bytes == null || bytes.length <= 1 + BINDING_BYTES || bytes[0] != VERSION) {
            problems.add(path, "cursor.invalid", "is not a cursor this API issued: pass the \"next\" of the previous"
                    + " page as it was received, or leave it out to start from the first page", null, Map.of());
            return null;
        }
        byte[] binding = Arrays.copyOfRange(bytes, 1, 1 + BINDING_BYTES);
        if (!MessageDigest.isEqual(binding, binding(boundTo))) {
            problems.add(path, "cursor.mismatch", "was issued for another listing (another customer or collection,"
                    + " other filters): keep them as they were, or leave the cursor out to start again", null, Map.of());
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 1 + BINDING_BYTES, bytes.length - 1 - BINDING_BYTES)).toString();
        } catch (CharacterCodingException e) {
            problems.add(path, "cursor.invalid", "is not a cursor this API issued", null, Map.of());
            return null;
        }
    }

    /** The 422 of a cursor that decodes but cannot continue the query (its position lies outside it). */
    public static RequestValidationException outOfRange(String parameter) {
        return refused(parameter, "cursor.mismatch", "does not continue this query: keep the filters as they were,"
                + " or leave the cursor out to start again");
    }

    private static byte[] decode(String cursor) {
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Each part length-prefixed, so that no two scopes run together into the same text. */
    private static byte[] binding(List<String> boundTo) {
        StringBuilder scope = new StringBuilder().append(VERSION);
        for (String part : boundTo) {
            String text = part == null ? "" : part;
            scope.append('|').append(part == null ? -1 : text.length()).append(':').append(text);
        }
        return Arrays.copyOf(Digests.sha256(scope.toString()), BINDING_BYTES);
    }

    private static RequestValidationException refused(String parameter, String type, String messageAfterName) {
        Problems problems = new Problems();
        problems.add(JsonPath.root().field(parameter), type, messageAfterName, null, Map.of());
        return problems.exception();
    }
}
