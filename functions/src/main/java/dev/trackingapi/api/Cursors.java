package dev.trackingapi.api;

import dev.trackingapi.model.Digests;
import dev.trackingapi.validation.JsonPath;
import dev.trackingapi.validation.Problems;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Opaque paging cursors: where the next page of a listing starts, bound to the project and the listing that issued
 * it. A cursor is the position, base64url, a dot, and a digest of the project, the listing and the position, so a
 * cursor of another listing, another project, or altered on the way, is refused (422) rather than read as something
 * else. The binding is not a secret (the API has no key to sign with): it guards against mistakes, and the position
 * can only ever move within the listing the request names, since the request, not the cursor, names the listing.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int DIGEST_BYTES = 12;

    private Cursors() {
    }

    /**
     * @param listing  what is listed, e.g. "collection/summer/products": the same for every page of one listing
     * @param position where the next page starts (after it)
     */
    public static String issue(String projectId, String listing, String position) {
        return ENCODER.encodeToString(position.getBytes(StandardCharsets.UTF_8)) + "." + binding(projectId, listing,
                position);
    }

    /**
     * The position of a cursor issued for this project and listing; null after recording a problem at the path when
     * the cursor was not issued for them (or is not a cursor).
     */
    public static String position(String cursor, String projectId, String listing, JsonPath path, Problems problems) {
        int dot = cursor.lastIndexOf('.');
        String position = dot < 0 ? null : decode(cursor.substring(0, dot));
        if (position == null || !binding(projectId, listing, position).equals(cursor.substring(dot + 1))) {
            problems.add(path, "cursor.invalid", "was not issued for this listing: pass the cursor of the previous"
                    + " page's answer of the same listing, unchanged (or none for the first page)", cursor, Map.of());
            return null;
        }
        return position;
    }

    private static String binding(String projectId, String listing, String position) {
        return Digests.sha256Base64Url("cursor/1\n" + projectId + "\n" + listing + "\n" + position, DIGEST_BYTES);
    }

    private static String decode(String base64) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(DECODER.decode(base64))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
