package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.trackingapi.api.ApiResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What API Gateway does in front of the functions, for every request: route it (404 when no route matches),
 * refuse a body over 10 MB (413), run the route's authorizer (401 when the key is missing or refused, before the
 * body is read), build the payload 2.0 event, invoke the route's function, and turn its result into the HTTP
 * response. Plus GET /health, and one log line per request.
 */
final class ApiGateway implements HttpHandler {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    static final String HEALTH_PATH = "/health";
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    enum State { STARTING, READY, STOPPING }

    private record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        static Reply json(int status, String body) {
            return new Reply(status, List.of(Map.entry("content-type", "application/json")),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply error(APIGatewayV2HTTPResponse response) {
            return json(response.getStatusCode(), response.getBody());
        }
    }

    private static final Reply NOT_FOUND = Reply.json(404, "{\"message\":\"Not Found\"}");
    private static final Reply BAD_REQUEST = Reply.json(400, "{\"message\":\"Bad Request\"}");
    /** The rest of the body is not read: the connection closes after the answer. */
    private static final Reply TOO_LARGE = new Reply(413,
            List.of(Map.entry("content-type", "application/json"), Map.entry("connection", "close")),
            "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
    private static final Reply INTERNAL_ERROR = Reply.json(500, "{\"message\":\"Internal Server Error\"}");
    private static final Reply UNAVAILABLE = Reply.json(503, "{\"message\":\"Service Unavailable\"}");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final PrintStream log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile State state = State.STARTING;
    private volatile Router router;
    private volatile GatewayEvents events;
    private volatile Map<String, LocalFunction> functions;
    private volatile Map<String, LocalAuthorizer> authorizers;

    ApiGateway(ObjectMapper mapper, Clock clock, PrintStream log) {
        this.mapper = mapper;
        this.clock = clock;
        this.log = log;
    }

    /** Starts serving the routes; until then every request is answered 503 and /health says "starting". */
    void ready(Router router, GatewayEvents events, Map<String, LocalFunction> functions,
               Map<String, LocalAuthorizer> authorizers) {
        this.router = router;
        this.events = events;
        this.functions = Map.copyOf(functions);
        this.authorizers = Map.copyOf(authorizers);
        this.state = State.READY;
    }

    /** Stops taking requests (they get 503 and Connection: close) and waits for those in flight to be answered. */
    int drain(Duration timeout) throws InterruptedException {
        state = State.STOPPING;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        String requestId = IncomingRequest.newRequestId();
        int status = 500;
        try {
            IncomingRequest request = IncomingRequest.from(exchange, requestId, Instant.now(clock));
            Reply reply;
            try {
                reply = dispatch(exchange, request);
            } catch (RuntimeException | LinkageError unexpected) {
                log.println("  local API failure, requestId " + requestId + " " + trace(unexpected));
                reply = INTERNAL_ERROR;
            }
            status = reply.status();
            write(exchange, request, reply);
        } catch (IOException clientGone) {
            status = 499;
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.println(LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(LOG_TIME) + " "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + status + " "
                    + millis + " ms");
            inFlight.decrementAndGet();
            // The response is out; closing drains a body left unread (a 401, 404 or 413), which may wait on the client.
            exchange.close();
        }
    }

    private Reply dispatch(HttpExchange exchange, IncomingRequest request) throws IOException {
        State current = state;
        boolean health = request.method().equals("GET") && HEALTH_PATH.equals(request.rawPath());
        if (current != State.READY) {
            return health ? Reply.json(503, "{\"status\":\"" + current.name().toLowerCase(Locale.ROOT) + "\"}")
                    : UNAVAILABLE;
        }
        if (request.rawPath() == null) {
            return BAD_REQUEST;
        }
        Optional<Router.Match> routed = router.match(request.method(), request.rawPath());
        if (routed.isEmpty()) {
            return health ? Reply.json(200, "{\"status\":\"ok\"}") : NOT_FOUND;
        }
        Router.Match match = routed.get();
        if (request.declaredContentLength() > MAX_BODY_BYTES) {
            return TOO_LARGE;
        }
        Map<String, Object> authorizerContext = null;
        Optional<String> authorizerName = match.route().authorizer();
        if (authorizerName.isPresent()) {
            LocalAuthorizer authorizer = authorizers.get(authorizerName.get());
            Optional<List<String>> identity = authorizer.identity(request);
            if (identity.isEmpty()) {
                return Reply.error(ApiResponses.error(401, "AuthenticationError", "The " + String.join(" and ",
                        authorizer.definition().identityHeaders()) + " header is missing; every call needs an API key"));
            }
            LocalAuthorizer.Decision decision;
            try {
                decision = authorizer.authorize(identity.get(), match, request, events);
            } catch (LocalFunction.FunctionFailure failure) {
                log.println("  " + failure.getMessage() + ", requestId " + request.requestId() + " "
                        + trace(failure.getCause()));
                return INTERNAL_ERROR;
            }
            if (!decision.authorized()) {
                return Reply.error(ApiResponses.error(401, "AuthenticationError",
                        "The API key is not valid: unknown, revoked or malformed"));
            }
            authorizerContext = decision.context();
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return TOO_LARGE;
        }
        JsonNode result;
        try {
            result = functions.get(match.route().functionLogicalId())
                    .invoke(events.request(request, match, authorizerContext, body), request.requestId());
        } catch (LocalFunction.FunctionFailure failure) {
            log.println("  " + failure.getMessage() + ", requestId " + request.requestId() + " "
                    + trace(failure.getCause()));
            return INTERNAL_ERROR;
        }
        return integrationReply(result, request.requestId());
    }

    /** The function's result as API Gateway reads a payload 2.0 response (a result without statusCode is the body). */
    private Reply integrationReply(JsonNode result, String requestId) {
        if (!result.isObject() || !result.has("statusCode")) {
            return Reply.json(200, result.toString());
        }
        JsonNode statusCode = result.get("statusCode");
        if (!statusCode.canConvertToInt() || statusCode.asInt() < 100 || statusCode.asInt() > 599) {
            log.println("  function answered an invalid statusCode " + statusCode + ", requestId " + requestId);
            return INTERNAL_ERROR;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.path("headers").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> header = fields.next();
            if (!header.getValue().isNull() && !HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(Map.entry(header.getKey(), header.getValue().asText()));
            }
        }
        for (JsonNode cookie : result.path("cookies")) {
            headers.add(Map.entry("set-cookie", cookie.asText()));
        }
        JsonNode body = result.path("body");
        byte[] bytes = body.isNull() || body.isMissingNode() ? new byte[0]
                : body.asText().getBytes(StandardCharsets.UTF_8);
        if (result.path("isBase64Encoded").asBoolean(false) && bytes.length > 0) {
            try {
                bytes = Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                log.println("  function answered isBase64Encoded with a body that is not base64, requestId " + requestId);
                return INTERNAL_ERROR;
            }
        }
        return new Reply(statusCode.asInt(), headers, bytes);
    }

    /** The body, or null when it is over the limit (what is left is drained only if it is small). */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private void write(HttpExchange exchange, IncomingRequest request, Reply reply) throws IOException {
        reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        exchange.getResponseHeaders().set("apigw-requestid", request.requestId());
        if (state == State.STOPPING) {
            exchange.getResponseHeaders().set("connection", "close");
        }
        boolean noBody = request.method().equals("HEAD") || reply.status() == 204 || reply.status() == 304
                || reply.status() < 200 || reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static String trace(Throwable error) {
        if (error == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }
}
