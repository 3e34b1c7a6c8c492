package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;

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

    private PrimingSamples() {
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
        return request(round).withRawPath("/priming")
                .withBody(body.replace(TIME, Integer.toString(round))
                        .replace(CUSTOMER_ID, CUSTOMER_ID + (round % Primer.REHEARSED_CUSTOMERS)))
                .withIsBase64Encoded(false)
                .build();
    }

    /** DELETE /customers/{id} as API Gateway would pass it: path parameter, no body. */
    static APIGatewayV2HTTPEvent erasureRequest(int round) {
        String id = ERASURE_IDS.get(round % ERASURE_IDS.size());
        return request(round).withRawPath("/customers/priming")
                .withPathParameters(Map.of("id", id.equals(CUSTOMER_ID) ? id + (round % Primer.REHEARSED_CUSTOMERS) : id))
                .withIsBase64Encoded(false)
                .build();
    }

    private static APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder request(int round) {
        return APIGatewayV2HTTPEvent.builder()
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming-" + round)
                        .withTimeEpoch(System.currentTimeMillis())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of(ApiRequest.PROJECT_ID,
                                        Primer.PROJECT + "-" + round / Primer.REQUESTS_PER_PROJECT,
                                        ApiRequest.SCOPES, Scope.join(Scope.ALL)))
                                .build())
                        .build());
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
