package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API Gateway sends to Lambda (HTTP API, payload format 2.0): the request event of a route's integration
 * and the event of a Lambda REQUEST authorizer. The same shape as the files in events/.
 */
final class GatewayEvents {
    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";
    static final String REGION = "us-east-1";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final String stage;

    GatewayEvents(ObjectMapper mapper, String stage) {
        this.mapper = mapper;
        this.stage = stage;
    }

    /** The integration event; {@code body} null when the request has none. */
    ObjectNode request(IncomingRequest request, Router.Match match, Map<String, Object> authorizerContext,
                       byte[] body) {
        ObjectNode event = common(request, match);
        ObjectNode requestContext = requestContext(request, match);
        if (authorizerContext != null) {
            requestContext.putObject("authorizer").set("lambda", mapper.valueToTree(authorizerContext));
        }
        event.set("requestContext", requestContext);
        if (body != null && body.length > 0) {
            boolean text = request.hasTextBody() && isUtf8(body);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * Whether the bytes are valid UTF-8. A JSON event cannot carry other bytes as a string: decoding them would replace
     * each bad byte with U+FFFD, and the function would take altered text for what was sent. So a text body that is
     * not UTF-8 travels base64-encoded, as a binary one does, and the function sees the bytes exactly.
     */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The authorizer event: identitySource holds the identity values in the order the authorizer declares them. */
    ObjectNode authorizer(IncomingRequest request, Router.Match match, List<String> identityValues) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", "arn:aws:execute-api:" + REGION + ":" + ACCOUNT_ID + ":" + API_ID + "/" + stage + "/"
                + request.method() + request.rawPath());
        event.set("identitySource", mapper.valueToTree(identityValues));
        ObjectNode common = common(request, match);
        common.remove("version");
        event.setAll(common);
        event.set("requestContext", requestContext(request, match));
        return event;
    }

    private ObjectNode common(IncomingRequest request, Router.Match match) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());
        if (!request.cookies().isEmpty()) {
            event.set("cookies", mapper.valueToTree(request.cookies()));
        }
        event.set("headers", mapper.valueToTree(request.headers()));
        if (request.queryStringParameters() != null) {
            event.set("queryStringParameters", mapper.valueToTree(request.queryStringParameters()));
        }
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", mapper.valueToTree(match.pathParameters()));
        }
        return event;
    }

    private ObjectNode requestContext(IncomingRequest request, Router.Match match) {
        String domainName = domainName(request.header("host"));
        int dot = domainName.indexOf('.');
        ObjectNode context = mapper.createObjectNode();
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", domainName);
        context.put("domainPrefix", dot < 0 ? domainName : domainName.substring(0, dot));
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().getOrDefault("user-agent", ""));
        context.put("requestId", request.requestId());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", stage);
        context.put("time", REQUEST_TIME.format(request.receivedAt()));
        context.put("timeEpoch", request.receivedAt().toEpochMilli());
        return context;
    }

    private static String domainName(String host) {
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        String name = host.trim();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
