package dev.trackingapi.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.validation.Limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The body of a request as JSON: decoded, bounded in size, parsed strictly; anything else is a clear 400 or 413. */
public final class RequestBodies {
    /** The Jackson setting a parser limit comes from, e.g. ", from `StreamReadConstraints.getMaxNestingDepth()`". */
    private static final Pattern JACKSON_SETTING = Pattern.compile(",? from `[^`]*`");

    private RequestBodies() {
    }

    /** A body of the single routes: at most {@link Limits#MAX_BODY_BYTES}. */
    public static JsonNode json(String body, boolean base64Encoded) {
        return json(body, base64Encoded, Limits.MAX_BODY_BYTES);
    }

    /** A body of at most {@code maxBytes} bytes (after base64 decoding), checked before it is parsed. */
    public static JsonNode json(String body, boolean base64Encoded, int maxBytes) {
        return parse(bytes(body, base64Encoded, maxBytes));
    }

    static byte[] bytes(String body, boolean base64Encoded, int maxBytes) {
        if (body == null || body.isEmpty()) {
            throw HttpProblem.badRequest("The request body is empty; a JSON object is expected");
        }
        if (!base64Encoded && body.length() > maxBytes) {
            throw tooLarge(utf8Length(body), maxBytes);
        }
        byte[] bytes;
        if (base64Encoded) {
            long decodedLength = base64DecodedLength(body);
            if (decodedLength > maxBytes) {
                throw tooLarge(decodedLength, maxBytes);
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("The request body is marked base64-encoded but is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    /** The size a client sees: bytes of UTF-8, not UTF-16 characters (what String.getBytes would give, unallocated). */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    /** The exact length base64 text decodes to (padding included), so that a 413 states the body's real size. */
    private static long base64DecodedLength(String base64) {
        int length = base64.length();
        int padding = length > 0 && base64.charAt(length - 1) == '=' ? (length > 1 && base64.charAt(length - 2) == '=' ? 2 : 1) : 0;
        int rest = length % 4;
        return (long) length / 4 * 3 + (rest == 0 ? 0 : rest - 1) - padding;
    }

    static JsonNode parse(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw HttpProblem.badRequest("The request body starts with a byte-order mark; JSON must not (RFC 8259)");
        }
        notUtf16Or32(bytes);
        requireUtf8(bytes);
        try (JsonParser parser = JsonCodec.parser(bytes)) {
            JsonNode json = readTree(parser);
            if (json == null || json.isMissingNode()) {
                throw HttpProblem.badRequest("The request body is empty; a JSON object is expected");
            }
            if (parser.nextToken() != null) {
                throw HttpProblem.badRequest("The request body is not valid JSON: there is more content after the"
                        + " JSON value" + where(parser.currentTokenLocation()));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("The request body is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + where(e.getLocation()));
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Jackson would detect UTF-16 and UTF-32 from a BOM or from zero bytes among the first four and decode the body
     * so; JSON must be UTF-8 (RFC 8259) and this API says so, so such bodies are refused as what they are. A zero byte
     * is never part of UTF-8 JSON, so nothing valid is refused here.
     */
    private static void notUtf16Or32(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            throw HttpProblem.badRequest("The request body starts with a UTF-16 byte-order mark; JSON must be UTF-8"
                    + " (RFC 8259)");
        }
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                throw HttpProblem.badRequest("The request body is not UTF-8: byte " + (i + 1) + " is zero, as in"
                        + " UTF-16 or UTF-32; JSON must be UTF-8 (RFC 8259)");
            }
        }
    }

    /**
     * Jackson's UTF-8 decoding is lenient in places: it takes an overlong encoding (C0 AF for '/') as the character it
     * spells, and does not check the bytes of field names. The JDK's decoder refuses every malformed sequence, so the
     * body is checked with it first, and a client learns where its encoding went wrong instead of having altered
     * text stored.
     */
    private static void requireUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw HttpProblem.badRequest(String.format("The request body is not valid UTF-8: byte 0x%02X at offset %d"
                    + " (line %d, byte %d of the line) does not start a valid UTF-8 sequence", bytes[offset] & 0xff,
                    offset, line, offset - lineStart + 1));
        }
    }

    /**
     * Jackson reads a number such as 1e9999999999 as valid JSON but cannot make a BigDecimal of it; it throws a
     * NumberFormatException, which is the client's problem (400), not ours (500). Parser limits (nesting, name and
     * number lengths) are said with the place they were reached, without Jackson's setting names.
     */
    private static JsonNode readTree(JsonParser parser) throws IOException {
        try {
            return JsonCodec.readValue(parser);
        } catch (StreamConstraintsException e) {
            throw HttpProblem.badRequest("The request body is not accepted as JSON: "
                    + JACKSON_SETTING.matcher(e.getOriginalMessage()).replaceAll("") + where(parser.currentLocation()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw HttpProblem.badRequest("The request body is not accepted as JSON: a number's exponent is out of"
                    + " range" + where(parser.currentTokenLocation()));
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static HttpProblem tooLarge(long bytes, int maxBytes) {
        return HttpProblem.payloadTooLarge("The request body is " + bytes + " bytes; at most " + maxBytes
                + " bytes (" + inUnits(maxBytes) + ") are accepted");
    }

    /** 262144 is "256 KB", 2000000 "2 MB": the limits as the docs name them. */
    static String inUnits(int bytes) {
        if (bytes % 1024 == 0 && bytes < 1024 * 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
