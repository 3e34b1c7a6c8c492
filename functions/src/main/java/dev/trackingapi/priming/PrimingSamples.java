package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies that walk every type and every validation branch once, for SnapStart priming. */
final class PrimingSamples {
    /** Where the rehearsal puts a different time in each request, so that no two are one event. */
    static final String TIME = "1579547655000";
    /** The customer of every sample: a rehearsal varies it, so that requests meet new and known customers. */
    static final String CUSTOMER_ID = "#warm-up";

    static final String EVENT = """
            {"customerId":"#warm-up","name":"Add To Cart","time":1579547655000,
             "attributes":[
              {"name":"Order ID","value":"SDFICSRDCVSSDSDG","type":"string"},
              {"name":"Amount","value":732.23,"type":"number"},
              {"name":"Order Time","value":"2020-01-20 19:14:15","type":"date"},
              {"name":"Paid At","value":"2020-01-20T19:14:15.123+05:30","type":"date"},
              {"name":"Is Prepaid Order","value":true,"type":"boolean"},
              {"name":"Product IDs","value":["pid1","pid2"],"type":"string array"},
              {"name":"Quantities","value":[1,2],"type":"number array"},
              {"name":"Payment Details","value":{"payment_mode":"cod"},"type":"string map"},
              {"name":"Discounts","value":{"pid1":12.7},"type":"number map"},
              {"name":"Delivery Dates","value":{"p1":"2020-01-21"},"type":"date map"},
              {"name":"Full Order Details","type":"custom","value":{"Products":[{"id":"pi1","price":100}]}}
             ]}""";

    static final String FLAT_EVENT = """
            {"customerId":"#warm-up","name":"Add To Cart","time":1579547655000,
             "attributes":{"Product Id":"abcdef","Quantity":3,"Price":4531.5,"Gift":false,"Tags":["a"],"Meta":{"k":1}}}""";

    static final String CUSTOMER = """
            {"id":"#warm-up","attributes":{"name":"John Wick","email":"john@gmail.com","mobile":"9876543210",
             "subscriptionType":"pro","totalPurchaseTillNow":30000,"vip":true}}""";

    static final String INVALID = """
            {"customerId":"","name":123,"time":"yesterday","attributes":[{"name":"x","type":"colour","value":1}]}""";

    static final String NOT_JSON = "{\"customerId\":1579547655000";

    static final List<String> EVENT_REQUESTS = List.of(EVENT, FLAT_EVENT, EVENT, FLAT_EVENT, INVALID,
            NOT_JSON);

    static final String TYPED_CUSTOMER = """
            {"id":"#warm-up","attributes":[{"name":"email","type":"string","value":"a@b.c"},
             {"name":"Signed Up","type":"date","value":"2021-03-04"},{"name":"Lifetime Value","type":"number","value":12.5}]}""";

    static final List<String> CUSTOMER_REQUESTS = List.of(CUSTOMER, TYPED_CUSTOMER, CUSTOMER,
            TYPED_CUSTOMER, INVALID, NOT_JSON);

    /** A batch of the samples above, of three customers (so that they run concurrently), one item rejected. */
    static final String BATCH = "{\"batch\":[" + String.join(",", item("event", EVENT, "a"),
            item("event", FLAT_EVENT, "b"), item("customer", CUSTOMER, "a"), item("customer", TYPED_CUSTOMER, "c"),
            item("event", INVALID, "b")) + "]}";

    static final List<String> BATCH_REQUESTS = List.of(BATCH, BATCH, BATCH, "{\"batch\":[{\"type\":\"order\"}]}",
            INVALID, NOT_JSON);

    static final String PRODUCT = """
            {"id":"#warm-up","name":"Mixer","image":"https://cdn.example.com/mixer.png",
             "url":"https://shop.example.com/products/mixer","price":1321.50,"status":"inStock",
             "description":"","originalHigherPrice":"1499.00","vendor":"Acme","tags":["ignored"]}""";

    static final String MINIMAL_PRODUCT = """
            {"id":"#warm-up","name":"Juicer","image":"http://cdn.example.com/j.png","url":"http://example.com/j",
             "price":"12.20","status":"outOfStock","description":null}""";

    static final String INVALID_PRODUCT = """
            {"id":"","name":"","image":"cdn/x.png","price":"cheap","status":"1outOfStock","vendor":7}""";

    static final String COLLECTION = """
            {"id":"#warm-up","name":"Summer","description":"Hot days","image":"https://cdn.example.com/s.png",
             "url":"https://shop.example.com/collections/summer"}""";

    static final String MINIMAL_COLLECTION = """
            {"id":"#warm-up","name":"Kitchen","image":"","url":null}""";

    static final String INVALID_COLLECTION = """
            {"id":"\u0000","name":7,"url":"ftp://example.com"}""";

    static final String PRODUCT_IDS = """
            {"products":["#warm-up","#warm-up-b","#warm-up"]}""";

    static final String INVALID_PRODUCT_IDS = """
            {"products":["",7,null]}""";

    /** One rehearsed request of a catalog route: its path's id (as API Gateway passes it, decoded), query and body. */
    private record CatalogSample(String method, String pathId, Map<String, String> query, String body) {
    }

    private static final List<String> PATH_IDS = List.of("#warm-up", "warm up ✓", "#warm-up", "",
            "x".repeat(51));

    private static final Map<CatalogRoute, List<CatalogSample>> CATALOG_REQUESTS = new EnumMap<>(Map.of(
            CatalogRoute.UPSERT_PRODUCT, bodies(List.of(PRODUCT, MINIMAL_PRODUCT, PRODUCT, INVALID_PRODUCT,
                    NOT_JSON)),
            CatalogRoute.UPSERT_COLLECTION, bodies(List.of(COLLECTION, MINIMAL_COLLECTION, COLLECTION,
                    INVALID_COLLECTION, NOT_JSON)),
            CatalogRoute.DELETE_PRODUCT, paths("DELETE", Map.of(), null),
            CatalogRoute.DELETE_COLLECTION, paths("DELETE", Map.of(), null),
            CatalogRoute.GET_PRODUCT, paths("GET", Map.of(), null),
            CatalogRoute.ADD_PRODUCTS, mappings(),
            CatalogRoute.REMOVE_PRODUCTS, mappings(),
            CatalogRoute.LIST_PRODUCTS, List.of(
                    new CatalogSample("GET", "#warm-up", Map.of(), null),
                    new CatalogSample("GET", "#warm-up", Map.of("limit", "10"), null),
                    new CatalogSample("GET", "#warm-up", Map.of("limit", "1",
                            "cursor", "AQAAAAAAAAAAAAAAAA"), null),
                    new CatalogSample("GET", "", Map.of("limit", "0"), null))));
    /** A GET request of a read route: its path parameters and its raw query string. */
    record Read(Map<String, String> pathParameters, String rawQuery) {
    }

    static final List<Read> CUSTOMER_READS = List.of(
            new Read(Map.of("id", CUSTOMER_ID), ""),
            new Read(Map.of(), "id=%23warm-up%2F1"),
            new Read(Map.of("id", CUSTOMER_ID), "limit=1"),
            new Read(Map.of("id", ""), ""));

    static final List<Read> EVENT_READS = List.of(
            new Read(Map.of("id", CUSTOMER_ID), ""),
            new Read(Map.of("id", CUSTOMER_ID), "limit=10&from=1579547655000&to=1579547659000&name=Add+To+Cart"),
            new Read(Map.of(), "customerId=%23warm-up&limit=2&cursor=AQAAAAAAAAAAAAAAAA"),
            new Read(Map.of("id", CUSTOMER_ID), "limit=0&from=x&to=-1&colour=red"));

    static final List<Read> SCHEMA_READS = List.of(new Read(Map.of(), ""), new Read(Map.of(), "x=1"));

    static final List<Read> EVENT_SCHEMA_READS = List.of(
            new Read(Map.of("name", "Add To Cart"), ""),
            new Read(Map.of("name", "a/b #c"), ""),
            new Read(Map.of("name", ""), ""));

    private PrimingSamples() {
    }

    /** A sample body as an item of a batch, of the sample customer with a suffix. */
    private static String item(String type, String body, String customerSuffix) {
        return "{\"type\":\"" + type + "\"," + body.substring(body.indexOf('{') + 1)
                .replace(CUSTOMER_ID, CUSTOMER_ID + "-" + customerSuffix);
    }

    private static List<CatalogSample> bodies(List<String> bodies) {
        return bodies.stream().map(body -> new CatalogSample("POST", null, Map.of(), body)).toList();
    }

    private static List<CatalogSample> paths(String method, Map<String, String> query, String body) {
        return PATH_IDS.stream().map(id -> new CatalogSample(method, id, query, body)).toList();
    }

    private static List<CatalogSample> mappings() {
        return List.of(new CatalogSample("POST", "#warm-up", Map.of(), PRODUCT_IDS),
                new CatalogSample("POST", "warm up", Map.of(), PRODUCT_IDS),
                new CatalogSample("POST", "#warm-up", Map.of(), PRODUCT_IDS),
                new CatalogSample("POST", "", Map.of(), INVALID_PRODUCT_IDS),
                new CatalogSample("POST", "#warm-up", Map.of(), NOT_JSON));
    }

    /** A GET of a read route after the authorizer, with a key that may read: a new project every few requests. */
    static APIGatewayV2HTTPEvent readRequest(Read read, int round) {
        Map<String, String> pathParameters = new HashMap<>();
        read.pathParameters().forEach((name, value) -> pathParameters.put(name,
                value.replace(CUSTOMER_ID, CUSTOMER_ID + (round % Primer.REHEARSED_CUSTOMERS))));
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/priming")
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRawQueryString(read.rawQuery())
                .withIsBase64Encoded(false)
                .withRequestContext(requestContext("GET", round))
                .build();
    }

    /** After the authorizer, with a key that may do everything, in a new project every few requests. */
    private static APIGatewayV2HTTPEvent.RequestContext requestContext(String method, int round) {
        return APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                .withRequestId("priming-" + round)
                .withTimeEpoch(System.currentTimeMillis())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withLambda(Map.of(ApiRequest.PROJECT_ID,
                                Primer.PROJECT + "-" + round / Primer.REQUESTS_PER_PROJECT,
                                ApiRequest.SCOPES, Scope.join(Scope.ALL)))
                        .build())
                .build();
    }

    /**
     * Path ids of the erasure rehearsal: customers with nothing stored (the rehearsal's DynamoDB finds nothing), one
     * whose id holds '#' and '!' as ids may, and an invalid one (blank).
     */
    static final List<String> ERASURE_IDS = List.of(CUSTOMER_ID, CUSTOMER_ID + "#1!x", "customer@example.com", " ");

    /**
     * The event API Gateway would pass after the authorizer: a new project every few requests, so that the rehearsal
     * meets empty caches as a restored environment does; the body's time varies, so events differ, and so does its
     * customer, among a few.
     */
    static APIGatewayV2HTTPEvent routeRequest(List<String> bodies, int round) {
        String body = bodies.get(round % bodies.size());
        return request("POST", null, null, body.replace(TIME, Integer.toString(round))
                .replace(CUSTOMER_ID, CUSTOMER_ID + (round % Primer.REHEARSED_CUSTOMERS)), round);
    }

    /** A request of a catalog route, in turn every sample of the route: valid and invalid ones, in a new project every few. */
    static APIGatewayV2HTTPEvent catalogRequest(CatalogRoute route, int round) {
        List<CatalogSample> samples = CATALOG_REQUESTS.get(route);
        CatalogSample sample = samples.get(round % samples.size());
        return request(sample.method(), sample.pathId() == null ? null : Map.of("id", sample.pathId()),
                sample.query().isEmpty() ? null : sample.query(), sample.body(), round);
    }

    /** DELETE /customers/{id} as API Gateway would pass it: path parameter, no body. */
    static APIGatewayV2HTTPEvent erasureRequest(int round) {
        String id = ERASURE_IDS.get(round % ERASURE_IDS.size());
        return request("DELETE", Map.of("id", id.equals(CUSTOMER_ID) ? id + (round % Primer.REHEARSED_CUSTOMERS) : id),
                null, null, round);
    }

    private static APIGatewayV2HTTPEvent request(String method, Map<String, String> pathParameters,
                                                 Map<String, String> query, String body, int round) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /priming")
                .withRawPath("/priming")
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(requestContext(method, round))
                .build();
    }

    /** The event of an authorizer call with a key that no project has. */
    static APIGatewayV2CustomAuthorizerEvent authorizerRequest(int round) {
        String key = ApiKeys.PREFIX + "priming-" + round;
        return APIGatewayV2CustomAuthorizerEvent.builder()
                .withVersion("2.0")
                .withType("REQUEST")
                .withRouteKey("POST /track/event/v2")
                .withHeaders(Map.of(ApiKeys.HEADER, key))
                .withIdentitySource(List.of(key))
                .build();
    }
}
