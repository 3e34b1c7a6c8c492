package dev.trackingapi.localapi;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway (HTTP API, payload 2.0) presents it: header names lower-cased, repeated headers
 * joined with commas, cookies taken out of the headers into a list, the forwarding headers API Gateway adds, the
 * path percent-decoded (an HTTP API decodes it before it picks a route, and passes it decoded as rawPath), the query
 * string as sent, and query parameters decoded with repeated ones joined by commas.
 *
 * @param rawPath the decoded path, as API Gateway names it; null when the path is not valid percent-encoded UTF-8
 */
record IncomingRequest(String method, String rawPath, String rawQueryString, Map<String, String> headers,
                       List<String> cookies, Map<String, String> queryStringParameters, String protocol,
                       String sourceIp, String requestId, Instant receivedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static IncomingRequest from(HttpExchange exchange, String requestId, Instant receivedAt) {
        URI uri = exchange.getRequestURI();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, String> headers = new TreeMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(lowerCase, String.join(",", values));
            }
        });
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null || forwardedFor.isBlank() ? sourceIp
                : forwardedFor + ", " + sourceIp);
        headers.put("x-forwarded-port", String.valueOf(exchange.getLocalAddress().getPort()));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(receivedAt));
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new IncomingRequest(exchange.getRequestMethod(), pathDecoded(uri.getRawPath()), rawQuery, headers,
                List.copyOf(cookies), queryParameters(rawQuery), exchange.getProtocol(), sourceIp, requestId,
                receivedAt);
    }

    /** API Gateway's own request ids look like "ZK9xpjP3IAMEVxQ=": 10 random bytes, base64. */
    static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The media type of the body, lower-cased and without parameters; empty when there is no content-type. */
    String mediaType() {
        String contentType = headers.getOrDefault("content-type", "");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether API Gateway hands the body to the function as text; any other body (binary, form-encoded, or with no
     * content-type) arrives base64-encoded with isBase64Encoded true.
     */
    boolean hasTextBody() {
        String type = mediaType();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/javascript") || type.equals("application/xml") || type.endsWith("+xml");
    }

    long declaredContentLength() {
        String length = headers.get("content-length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /**
     * Percent-decoding as in a URI path (RFC 3986): "%2F" becomes '/', and so a separator for the route's choice, as
     * in API Gateway; '+' stays a '+'. Null when an escape is broken or the bytes are not UTF-8.
     */
    static String pathDecoded(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        byte[] decoded = bytes.toByteArray();
        return GatewayEvents.isUtf8(decoded) ? new String(decoded, StandardCharsets.UTF_8) : null;
    }

    private static String traceId(Instant receivedAt) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(receivedAt.getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
