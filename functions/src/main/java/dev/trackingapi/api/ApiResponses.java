package dev.trackingapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.CustomerProfile;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.EventRecord;
import dev.trackingapi.model.EventSchema;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.model.KeptValue;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductDetails;
import dev.trackingapi.model.ProductPage;
import dev.trackingapi.model.ProjectSchema;
import dev.trackingapi.model.StoredCollection;
import dev.trackingapi.model.StoredProduct;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.model.TypeRegistration;
import dev.trackingapi.model.TypedValue;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.validation.RequestValidationException;
import dev.trackingapi.validation.Texts;
import dev.trackingapi.validation.ValidationProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every response body the API sends, in one place and one JSON shape per kind. */
public final class ApiResponses {
    public static final String RETRY_AFTER_SECONDS = "1";
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");
    private static final Map<String, String> RETRY_HEADERS =
            Map.of("content-type", "application/json", "retry-after", RETRY_AFTER_SECONDS);
    private static final String SUCCESS = "{\"success\":true}";

    private ApiResponses() {
    }

    /** {"success":true}. */
    public static APIGatewayV2HTTPResponse success() {
        return response(200, SUCCESS, JSON_HEADERS);
    }

    /** {"success":true}, with the attributes that were not applied when there are any. */
    public static APIGatewayV2HTTPResponse success(TrackingResult result) {
        if (result.ignored().isEmpty()) {
            return response(200, SUCCESS, JSON_HEADERS);
        }
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("success", true);
        ArrayNode ignored = body.putArray("ignored");
        for (IgnoredAttribute attribute : result.ignored()) {
            ignoredEntry(ignored.addObject(), attribute);
        }
        return response(200, write(body), JSON_HEADERS);
    }

    /** One ignored attribute, as every body lists it: what, why, the types, and the cap when one was reached. */
    private static ObjectNode ignoredEntry(ObjectNode entry, IgnoredAttribute attribute) {
        entry.put("attribute", attribute.attribute()).put("reason", attribute.reason().code());
        if (attribute.registeredType() != null) {
            entry.put("registeredType", attribute.registeredType().wireName());
        }
        if (attribute.receivedType() != null) {
            entry.put("receivedType", attribute.receivedType().wireName());
        }
        if (attribute.limit() != null) {
            entry.put("limit", attribute.limit());
        }
        return entry;
    }

    /**
     * GET /customers/{id}: {"id", "createdAt", "updatedAt", "attributes": {name: {value, type}}, "ignored": [...],
     * "ignoredTruncated"}.
     */
    public static APIGatewayV2HTTPResponse customer(CustomerProfile profile) {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("id", profile.customerId())
                .put("createdAt", profile.createdAt())
                .put("updatedAt", profile.updatedAt());
        typedValues(body.putObject("attributes"), profile.attributes());
        keptValues(body.putArray("ignored"), profile.ignored());
        body.put("ignoredTruncated", profile.moreIgnored());
        return response(200, write(body), JSON_HEADERS);
    }

    /** GET /customers/{id}/events: {"events": [{name, time, receivedAt, eventId?, attributes, ignored}], "next"}. */
    public static APIGatewayV2HTTPResponse events(List<EventRecord> events, String nextCursorOrNull) {
        ObjectNode body = JsonNodes.FACTORY.objectNode();
        ArrayNode list = body.putArray("events");
        for (EventRecord event : events) {
            ObjectNode entry = list.addObject()
                    .put("name", event.name())
                    .put("time", event.timeMillis())
                    .put("receivedAt", event.receivedAtMillis());
            if (event.eventId() != null) {
                entry.put("eventId", event.eventId());
            }
            typedValues(entry.putObject("attributes"), event.attributes());
            keptValues(entry.putArray("ignored"), event.ignored());
        }
        body.put("next", nextCursorOrNull);
        return response(200, write(body), JSON_HEADERS);
    }

    /** GET /schema: {"customer": {attribute: {type, registeredAt}}, "events": {name: {...}}, "truncated"}. */
    public static APIGatewayV2HTTPResponse schema(ProjectSchema schema) {
        ObjectNode body = JsonNodes.FACTORY.objectNode();
        registrations(body.putObject("customer"), schema.customer());
        ObjectNode events = body.putObject("events");
        schema.events().forEach((name, attributes) -> registrations(events.putObject(name), attributes));
        body.put("truncated", !schema.complete());
        return response(200, write(body), JSON_HEADERS);
    }

    /** GET /schema/events/{name}: {"name", "attributes": {attribute: {type, registeredAt}}, "truncated"}. */
    public static APIGatewayV2HTTPResponse eventSchema(EventSchema schema) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("name", schema.name());
        registrations(body.putObject("attributes"), schema.attributes());
        body.put("truncated", !schema.complete());
        return response(200, write(body), JSON_HEADERS);
    }

    private static void typedValues(ObjectNode into, Map<String, TypedValue> values) {
        values.forEach((name, typed) -> into.putObject(name)
                .<ObjectNode>set("value", typed.value())
                .put("type", typed.type() == null ? null : typed.type().wireName()));
    }

    private static void keptValues(ArrayNode into, List<KeptValue> kept) {
        for (KeptValue value : kept) {
            ignoredEntry(into.addObject(), value.ignored())
                    .<ObjectNode>set("value", value.ignored().value())
                    .put("at", value.receivedAt());
        }
    }

    private static void registrations(ObjectNode into, Map<String, TypeRegistration> types) {
        types.forEach((name, registration) -> into.putObject(name)
                .put("type", registration.type().wireName())
                .put("registeredAt", registration.registeredAt()));
    }

    /**
     * An erasure: 200 when complete, 202 (with Retry-After) when the function's time ran out first and calling again
     * goes on: {"success":true,"complete":…,"erased":{"profile":…,"events":…,"other":…},"receipt":"er_…"}.
     */
    public static APIGatewayV2HTTPResponse erasure(Erasure erasure) {
        ErasureCounts erased = erasure.receipt().erased();
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("success", true)
                .put("complete", erasure.complete());
        body.putObject("erased")
                .put("profile", erased.profile())
                .put("events", erased.events())
                .put("other", erased.other());
        body.put("receipt", erasure.receipt().receiptId());
        if (erasure.complete()) {
            return response(200, write(body), JSON_HEADERS);
        }
        long seconds = Math.max(1, (erasure.retryAfter().toMillis() + 999) / 1000);
        return response(202, write(body), Map.of("content-type", "application/json",
                "retry-after", Long.toString(seconds)));
    }

    /** 422 with the Joi-style body: {"type":"ValidationError","details":[{message, path, type, context}]}. */
    public static APIGatewayV2HTTPResponse validationError(RequestValidationException e) {
        return validationError(e.problems(), e.unlistedProblems());
    }

    public static APIGatewayV2HTTPResponse validationError(List<ValidationProblem> problems, int unlisted) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("type", "ValidationError");
        ArrayNode details = body.putArray("details");
        for (ValidationProblem problem : problems) {
            ObjectNode detail = details.addObject().put("message", problem.message());
            ArrayNode path = detail.putArray("path");
            for (Object step : problem.path()) {
                if (step instanceof Integer index) {
                    path.add(index);
                } else {
                    path.add(String.valueOf(step));
                }
            }
            detail.put("type", problem.type());
            detail.set("context", context(problem.context()));
        }
        if (unlisted > 0) {
            details.addObject()
                    .put("message", unlisted + " more problems are not listed (at most " + Problems.MAX_LISTED
                            + " are)")
                    .put("type", "any.truncated")
                    .putArray("path");
        }
        return response(422, write(body), JSON_HEADERS);
    }

    /**
     * A problem's context in the order Joi writes it: the value, what is particular to the problem (valids, limit...),
     * then key and label, e.g. {"value":"1outOfStock","valids":["inStock","outOfStock"],"key":"status","label":"status"}.
     */
    private static ObjectNode context(Map<String, Object> context) {
        ObjectNode node = JsonNodes.FACTORY.objectNode();
        if (context.containsKey("value")) {
            node.set("value", JsonCodec.treeOf(context.get("value")));
        }
        context.forEach((name, value) -> {
            if (!name.equals("value") && !name.equals("key") && !name.equals("label")) {
                node.set(name, JsonCodec.treeOf(value));
            }
        });
        for (String last : List.of("key", "label")) {
            if (context.containsKey(last)) {
                node.set(last, JsonCodec.treeOf(context.get(last)));
            }
        }
        return node;
    }

    /** 200 with a product and the ids of its collections. */
    public static APIGatewayV2HTTPResponse product(ProductDetails details) {
        ObjectNode body = product(details.product());
        ArrayNode collections = body.putArray("collections");
        details.collectionIds().forEach(collections::add);
        return response(200, write(body), JSON_HEADERS);
    }

    /**
     * 200 with a page of a collection's products: the collection, its products, and the cursor of the next page (null
     * on the last one).
     */
    public static APIGatewayV2HTTPResponse products(ProductPage page, String nextCursor) {
        ObjectNode body = JsonNodes.FACTORY.objectNode();
        body.set("collection", collection(page.collection()));
        ArrayNode products = body.putArray("products");
        page.products().forEach(product -> products.add(product(product)));
        if (nextCursor == null) {
            body.putNull("cursor");
        } else {
            body.put("cursor", nextCursor);
        }
        return response(200, write(body), JSON_HEADERS);
    }

    private static ObjectNode product(StoredProduct stored) {
        Product product = stored.product();
        ObjectNode node = JsonNodes.FACTORY.objectNode()
                .put("id", product.id())
                .put("name", product.name())
                .put("image", product.image())
                .put("url", product.url());
        node.set("price", JsonNodes.FACTORY.numberNode(product.price()));
        node.put("status", product.status().wireName());
        putIfPresent(node, "description", product.description());
        putIfPresent(node, "originalHigherPrice", product.originalHigherPrice());
        putIfPresent(node, "vendor", product.vendor());
        return times(node, stored.createdAt(), stored.updatedAt());
    }

    private static ObjectNode collection(StoredCollection stored) {
        ProductCollection collection = stored.collection();
        ObjectNode node = JsonNodes.FACTORY.objectNode()
                .put("id", collection.id())
                .put("name", collection.name());
        putIfPresent(node, "description", collection.description());
        putIfPresent(node, "image", collection.image());
        putIfPresent(node, "url", collection.url());
        return times(node, stored.createdAt(), stored.updatedAt());
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value instanceof String text) {
            node.put(name, text);
        } else if (value instanceof BigDecimal number) {
            node.set(name, JsonNodes.FACTORY.numberNode(number));
        }
    }

    private static ObjectNode times(ObjectNode node, Instant createdAt, Instant updatedAt) {
        return node.put("createdAt", Dates.format(createdAt)).put("updatedAt", Dates.format(updatedAt));
    }

    /**
     * 202: the entry reads as deleted and nothing can be mapped to it any more, but some of its mappings are left; the
     * same DELETE again resumes the deletion.
     */
    public static APIGatewayV2HTTPResponse deletionInProgress(CatalogKind kind, String id) {
        String other = kind.other().wireName();
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("success", false)
                .put("inProgress", true)
                .put("message", "The " + kind.wireName() + " \"" + id + "\" reads as deleted and nothing can be"
                        + " mapped to it any more, but some of its " + other + " mappings are still being removed."
                        + " Send the same DELETE again to finish: it resumes where this one stopped, and answers 200"
                        + " {\"success\":true} when nothing of the " + kind.wireName() + " is left.");
        return response(202, write(body), JSON_HEADERS);
    }

    public static APIGatewayV2HTTPResponse problem(HttpProblem problem) {
        return error(problem.status(), problem.type(), problem.getMessage());
    }

    /** 503: temporary; the client should retry after Retry-After seconds, and a retry never duplicates an event. */
    public static APIGatewayV2HTTPResponse unavailable() {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("type", "ServiceUnavailableError")
                .put("message", "Storage is temporarily unavailable; retry after " + RETRY_AFTER_SECONDS
                        + " second(s). Retries never create a second copy of an event.");
        return response(503, write(body), RETRY_HEADERS);
    }

    /** 503 saying what is temporary about this request; retrying it is safe. */
    public static APIGatewayV2HTTPResponse unavailable(String message) {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("type", "ServiceUnavailableError")
                .put("message", message);
        return response(503, write(body), RETRY_HEADERS);
    }

    /** 500: never the cause in the body, only a request id to find it in the logs. */
    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        ObjectNode body = JsonNodes.FACTORY.objectNode()
                .put("type", "InternalError")
                .put("message", "The request could not be processed; nothing was acknowledged. Quote the requestId"
                        + " when reporting this.")
                .put("requestId", requestId);
        return response(500, write(body), JSON_HEADERS);
    }

    public static APIGatewayV2HTTPResponse error(int status, String type, String message) {
        ObjectNode body = JsonNodes.FACTORY.objectNode().put("type", type).put("message", message);
        return response(status, write(body), JSON_HEADERS);
    }

    /** A page of the data explorer, with the headers that keep it to itself (its own scripts, no framing). */
    public static APIGatewayV2HTTPResponse page(String html, Map<String, String> headers) {
        return response(200, html, headers);
    }

    private static APIGatewayV2HTTPResponse response(int status, String body, Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Texts.withoutUnpairedSurrogates(body))
                .withIsBase64Encoded(false)
                .build();
    }

    private static String write(ObjectNode body) {
        return JsonCodec.write(body);
    }
}
