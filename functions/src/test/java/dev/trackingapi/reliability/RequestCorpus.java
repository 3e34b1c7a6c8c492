package dev.trackingapi.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.model.Scope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.TrackingApi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Requests kept as data files (src/test/resources/corpus, format in its README.md): each case names its routes, its
 * body, and what the API must answer. A body is text with two macros, so that raw bytes and large inputs stay
 * readable: «TEXT*N» is TEXT repeated N times ({i} in TEXT becomes the repetition's index), «hex:EF BB BF» is raw
 * bytes. A case gives either a whole {@code body} or only its {@code attributes}, which are put into each route's
 * valid envelope, so that one case runs on event and customer routes alike. A catalog case names route keys
 * ("GET /product/{id}"), the id in the path as API Gateway passes it (decoded), its query parameters, and may have
 * no body. A read case names read route keys, its path parameters and raw query string, and has no body.
 */
final class RequestCorpus {
    static final Instant RECEIVED_AT = Instant.parse("2026-01-20T19:14:15Z");
    private static final Pattern MACRO = Pattern.compile("«(.*?)»", Pattern.DOTALL);
    private static final Pattern REPEAT = Pattern.compile("(.*)\\*(\\d+)", Pattern.DOTALL);
    /** The erasure route, named in cases by its route key: its input is the path's id, not a body. */
    static final String ERASE = ApiGatewayEvents.ERASE_ROUTE;
    private static final Map<String, List<String>> ROUTE_GROUPS = Map.ofEntries(
            Map.entry("all", TrackingApi.ROUTES),
            Map.entry("events", TrackingApi.EVENT_ROUTES),
            Map.entry("track-events", List.of(TrackingApi.TRACK_EVENT_V2, TrackingApi.TRACK_EVENT)),
            Map.entry("customers", TrackingApi.CUSTOMER_ROUTES),
            Map.entry("catalog", TrackingApi.CATALOG_ROUTES),
            Map.entry("catalog-writes", List.of(TrackingApi.UPSERT_PRODUCT, TrackingApi.DELETE_PRODUCT,
                    TrackingApi.UPSERT_COLLECTION, TrackingApi.DELETE_COLLECTION, TrackingApi.ADD_PRODUCTS,
                    TrackingApi.REMOVE_PRODUCTS)),
            Map.entry("catalog-reads", List.of(TrackingApi.GET_PRODUCT, TrackingApi.LIST_PRODUCTS)),
            Map.entry("catalog-paths", List.of(TrackingApi.DELETE_PRODUCT, TrackingApi.GET_PRODUCT,
                    TrackingApi.DELETE_COLLECTION, TrackingApi.ADD_PRODUCTS, TrackingApi.REMOVE_PRODUCTS,
                    TrackingApi.LIST_PRODUCTS)),
            Map.entry("catalog-mappings", List.of(TrackingApi.ADD_PRODUCTS, TrackingApi.REMOVE_PRODUCTS)),
            Map.entry("reads", ReadApi.ROUTES),
            Map.entry("erase", List.of(ERASE)),
            Map.entry("batch", List.of(TrackingApi.TRACK_BATCH)));
    /** The routes whose rules a batch item follows: an event item is read as /track/event/v2, a customer as /track/user. */
    private static final Map<String, String> ITEM_TYPES = Map.of(TrackingApi.TRACK_EVENT_V2, "event",
            TrackingApi.TRACK_USER, "customer");
    /** The id a catalog case's path holds unless it says otherwise. */
    static final String DEFAULT_PATH_ID = "corpus-id";

    private RequestCorpus() {
    }

    /** One problem a 422 must list: its path, its type, and optionally a part of its message. */
    record Detail(String path, String type, String message) {
        static Detail of(JsonNode detail) {
            return new Detail(detail.path("path").toString(), detail.path("type").asText(), null);
        }

        String key() {
            return path + " " + type;
        }
    }

    /**
     * One case. For a 422, {@code details} is the exact list of problems (by path and type), or, when
     * {@code detailCount} is set, problems the response must include among that many.
     */
    record Case(String file, String id, String why, List<String> routes, String body, JsonNode attributes,
                String attributesText, int status, List<String> messageParts, List<Detail> details,
                Integer detailCount, String projectId, boolean noAuthorizer, String customerId,
                boolean base64Verbatim, String pathId, Map<String, String> query, String scopes, Read read) {

        /** The request for one route: the body in the route's envelope, for the given project and customer. */
        byte[] bodyFor(String route, String customer) {
            if (read != null) {
                return null;
            }
            if (body != null) {
                return expand(body);
            }
            if (attributes == null && attributesText == null) {
                return null;
            }
            String attributesJson = attributesText != null ? attributesText : attributes.toString();
            return expand(envelope(route, customer).replace("ATTRIBUTES", attributesJson));
        }

        String projectFor(String uniqueProject) {
            if (noAuthorizer) {
                return null;
            }
            return projectId == null ? uniqueProject : new String(expand(projectId.replace("{project}", uniqueProject)),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * What a case of the read routes sends instead of a body: path parameters (each route takes those its path names),
     * the query string as sent, and the scopes of the key (read when the case names none).
     */
    record Read(Map<String, String> pathParameters, String query, Set<Scope> scopes) {
        APIGatewayV2HTTPEvent event(String route, String projectId) {
            Map<String, String> own = new HashMap<>();
            pathParameters.forEach((name, value) -> {
                if (route.contains("{" + name)) {
                    own.put(name, value);
                }
            });
            return ApiGatewayEvents.get(route, own, query, projectId, scopes);
        }
    }

    /**
     * A case made concrete: one route, one encoding, its own project.
     *
     * @param batchItem whether the case's body is sent as the one item of a batch (see {@link #asBatchItems})
     */
    record Request(Case source, String route, boolean base64, String projectId, String customerId, byte[] body,
                   boolean batchItem) {
        boolean isRead() {
            return source.read() != null;
        }

        APIGatewayV2HTTPEvent event() {
            if (isRead()) {
                return source.read().event(route, projectId);
            }
            String wire = body == null ? null : base64 && !source.base64Verbatim()
                    ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
            if (!isKeyedRoute(route)) {
                return ApiGatewayEvents.post(route, projectId, wire, base64, RECEIVED_AT);
            }
            String pathId = source.pathId() == null ? DEFAULT_PATH_ID
                    : new String(expand(source.pathId()), StandardCharsets.UTF_8);
            return ApiGatewayEvents.request(route, route.contains("{id}") ? Map.of("id", pathId) : Map.of(),
                    source.query(), projectId, source.scopes() == null ? TrackingApi.ALL_SCOPES : source.scopes(),
                    wire, base64, RECEIVED_AT);
        }

        String name() {
            return route + (batchItem ? " item" : "") + (isRead() ? " (GET)" : base64 ? " (base64)" : " (text)");
        }
    }

    /**
     * A route that cases name by its route key and whose input may be the path's id alone: the catalog's, and the
     * erasure's (its cases have no body).
     */
    static boolean isKeyedRoute(String route) {
        return TrackingApi.isCatalogRoute(route) || ERASE.equals(route);
    }

    static String envelope(String route, String customer) {
        if (TrackingApi.REST_API_EVENT.equals(route)) {
            return "{\"customerId\":\"" + customer + "\",\"name\":\"Corpus Event\",\"attributes\":ATTRIBUTES}";
        }
        if (TrackingApi.isEventRoute(route)) {
            return "{\"customerId\":\"" + customer + "\",\"name\":\"Corpus Event\",\"time\":1579547655000,"
                    + "\"attributes\":ATTRIBUTES}";
        }
        return "{\"id\":\"" + customer + "\",\"attributes\":ATTRIBUTES}";
    }

    /**
     * Every request of the cases: each route of each case, as text when its bytes are valid UTF-8 (API Gateway passes
     * such bodies as text) and always base64-encoded, each in a project of its own named after {@code runToken}.
     */
    static List<Request> requests(List<Case> cases, String runToken) {
        List<Request> requests = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Case source = cases.get(c);
            String customer = source.customerId() != null ? source.customerId() : "c-" + runToken + "-" + c;
            for (int r = 0; r < source.routes().size(); r++) {
                String route = source.routes().get(r);
                byte[] body = source.bodyFor(route, customer);
                boolean[] encodings = body == null ? new boolean[]{false} : isUtf8(body) && !source.base64Verbatim()
                        ? new boolean[]{false, true} : new boolean[]{true};
                for (boolean base64 : encodings) {
                    String project = runToken + "-" + c + "-" + r + (base64 ? "b" : "t");
                    requests.add(new Request(source, route, base64, source.projectFor(project), customer, body,
                            false));
                }
            }
        }
        return requests;
    }

    /**
     * The requests of {@code requests} that a batch can carry, each as the one item of a batch: those of a route
     * whose rules items follow, answered 200 or 422 (not a refusal of the body itself), whose body is a JSON object
     * of its own (no "type" field). The item takes the route's item type; the batch must answer it as the route
     * answers the body: stored, or rejected with the same problems (paths relative to the item).
     */
    static List<Request> asBatchItems(List<Request> requests) {
        List<Request> items = new ArrayList<>();
        for (Request request : requests) {
            String type = ITEM_TYPES.get(request.route());
            if (type == null || request.batchItem() || request.source().status() != 200 && request.source().status() != 422
                    || request.projectId() == null || !isUtf8(request.body())) {
                continue;
            }
            String body = new String(request.body(), StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException | RuntimeException notJson) {
                continue;
            }
            if (json == null || !json.isObject() || json.has("type")) {
                continue;
            }
            int open = body.indexOf('{');
            String item = body.substring(0, open + 1) + "\"type\":\"" + type + "\"" + (json.isEmpty() ? "" : ",")
                    + body.substring(open + 1);
            items.add(new Request(request.source(), TrackingApi.TRACK_BATCH, request.base64(), request.projectId()
                    + "i", request.customerId(), ("{\"batch\":[" + item + "]}").getBytes(StandardCharsets.UTF_8), true));
        }
        return items;
    }

    static List<Case> load(String folder) {
        try (Stream<Path> files = Files.list(resource(folder))) {
            List<Case> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode node : Json.MAPPER.readTree(file.toFile())) {
                    cases.add(read(file.getFileName().toString(), node));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String folder) {
        try {
            return Path.of(RequestCorpus.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource folder " + folder + " not found", e);
        }
    }

    private static Case read(String file, JsonNode node) {
        String id = text(node, "id");
        if (id == null) {
            throw new IllegalArgumentException(file + ": a case without an id: " + node);
        }
        JsonNode routes = node.path("routes");
        List<String> routeList = routes.isTextual() ? ROUTE_GROUPS.get(routes.textValue())
                : routes.isArray() ? Json.MAPPER.convertValue(routes, List.class) : null;
        boolean reads = routeList != null && !routeList.isEmpty() && ReadApi.ROUTES.containsAll(routeList);
        if (routeList == null || routeList.isEmpty() || !(reads || routeList.stream().allMatch(route ->
                TrackingApi.ROUTES.contains(route) || TrackingApi.TRACK_BATCH.equals(route) || isKeyedRoute(route)))) {
            throw new IllegalArgumentException(file + " " + id + ": routes must be a group (" + ROUTE_GROUPS.keySet()
                    + "), or a list of tracking paths, catalog or erasure route keys, or read route keys");
        }
        boolean catalog = routeList.stream().allMatch(RequestCorpus::isKeyedRoute);
        if (!catalog && routeList.stream().anyMatch(RequestCorpus::isKeyedRoute)) {
            throw new IllegalArgumentException(file + " " + id + ": a case is for tracking, catalog (or erasure) or"
                    + " read routes");
        }
        if (routeList.contains(TrackingApi.TRACK_BATCH) && !node.has("body")) {
            throw new IllegalArgumentException(file + " " + id + ": a batch case gives its whole body");
        }
        int bodies = (node.has("body") ? 1 : 0) + (node.has("attributes") ? 1 : 0) + (node.has("attributesText") ? 1 : 0);
        if (reads ? bodies != 0 : bodies > 1 || (bodies == 0 && !catalog) || (catalog && bodies == 1 && !node.has("body"))) {
            throw new IllegalArgumentException(file + " " + id + (reads ? ": a read has no body"
                    : ": give exactly one of body, attributes, attributesText (catalog cases: a body, or none)"));
        }
        Read read = null;
        if (reads) {
            Map<String, String> pathParameters = new HashMap<>();
            node.path("pathParameters").properties().forEach(p -> pathParameters.put(p.getKey(), p.getValue().asText()));
            Set<Scope> scopes = node.has("scopes") ? Scope.parse(node.get("scopes").asText()) : Set.of(Scope.READ);
            read = new Read(pathParameters, node.path("query").asText(""), scopes);
        }
        List<String> messageParts = new ArrayList<>();
        node.path("message").forEach(part -> messageParts.add(part.asText()));
        List<Detail> details = new ArrayList<>();
        node.path("details").forEach(d -> details.add(new Detail(d.path("path").toString(), text(d, "type"),
                text(d, "message"))));
        int status = node.path("status").asInt(200);
        if (status == 422 && details.isEmpty()) {
            throw new IllegalArgumentException(file + " " + id + ": a 422 case must say which problems it expects");
        }
        if (status != 422 && status != 200 && messageParts.isEmpty()) {
            throw new IllegalArgumentException(file + " " + id + ": a " + status + " case must say what its message names");
        }
        return new Case(file, id, text(node, "why"), routeList, text(node, "body"),
                node.has("attributes") ? node.get("attributes") : null, text(node, "attributesText"), status,
                messageParts, details, node.has("detailCount") ? node.get("detailCount").asInt() : null,
                text(node, "projectId"), "none".equals(text(node, "authorizer")), text(node, "customerId"),
                "base64-verbatim".equals(text(node, "sentAs")), reads ? null : text(node, "pathId"),
                node.has("query") && !reads ? Json.MAPPER.convertValue(node.get("query"), Map.class) : Map.of(),
                reads ? null : text(node, "scopes"), read);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The bytes of a body template: text as UTF-8, «TEXT*N» repeated, «hex:..» as raw bytes. */
    static byte[] expand(String template) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length());
        Matcher macro = MACRO.matcher(template);
        int from = 0;
        while (macro.find()) {
            out.writeBytes(template.substring(from, macro.start()).getBytes(StandardCharsets.UTF_8));
            String content = macro.group(1);
            Matcher repeat = REPEAT.matcher(content);
            if (content.startsWith("hex:")) {
                out.writeBytes(HexFormat.of().parseHex(content.substring(4).replace(" ", "")));
            } else if (repeat.matches()) {
                int times = Integer.parseInt(repeat.group(2));
                for (int i = 0; i < times; i++) {
                    out.writeBytes(repeat.group(1).replace("{i}", Integer.toString(i)).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                throw new IllegalArgumentException("not a macro: «" + content + "»");
            }
            from = macro.end();
        }
        out.writeBytes(template.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
