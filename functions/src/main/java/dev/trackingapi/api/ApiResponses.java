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
    private static final String TRUNCATED = "any.truncated";
    /**
     * What the body of a batch's answer may take in Lambda's answer ({@link #sizeInLambdaAnswer}): Lambda's limit,
     * 6,291,456 bytes, less room for the status and headers around the body.
     */
    public static final long MAX_BATCH_ANSWER_IN_LAMBDA = 6_000_000;

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
        ignored(body.putArray("ignored"), result.ignored());
        return response(200, write(body), JSON_HEADERS);
    }

    private static void ignored(ArrayNode entries, List<IgnoredAttribute> ignored) {
        for (IgnoredAttribute attribute : ignored) {
            ignoredEntry(entries.addObject(), attribute);
        }
    }

    /**
     * 200 with one result per item, in order: {"success", "stored", "rejected", "unavailable", "results"}, success
     * being true only when every item was stored; Retry-After when any item is unavailable. The answer always fits
     * Lambda's response limit: should the full lists of the items' problems and ignored attributes make it larger
     * than {@link #MAX_BATCH_ANSWER_IN_LAMBDA} (only a batch of many items with very many of them can), the lists of
     * the last items are replaced by their counts until it fits. What was stored is the same either way.
     */
    public static APIGatewayV2HTTPResponse batch(List<BatchItemResult> results) {
        int[] counts = new int[BatchItemResult.Status.values().length];
        String[] rendered = new String[results.size()];
        long[] sizes = new long[results.size()];
        for (int i = 0; i < results.size(); i++) {
            counts[results.get(i).status().ordinal()]++;
        }
        int stored = counts[BatchItemResult.Status.STORED.ordinal()];
        int unavailable = counts[BatchItemResult.Status.UNAVAILABLE.ordinal()];
        String head = "{\"success\":" + (stored == results.size()) + ",\"stored\":" + stored + ",\"rejected\":"
                + counts[BatchItemResult.Status.REJECTED.ordinal()] + ",\"unavailable\":" + unavailable
                + ",\"results\":[";
        long total = sizeInLambdaAnswer(head) + 2 + Math.max(0, results.size() - 1);
        for (int i = 0; i < results.size(); i++) {
            rendered[i] = write(result(results.get(i), false));
            sizes[i] = sizeInLambdaAnswer(rendered[i]);
            total += sizes[i];
        }
        for (int i = results.size() - 1; i >= 0 && total > MAX_BATCH_ANSWER_IN_LAMBDA; i--) {
            String counted = write(result(results.get(i), true));
            total += sizeInLambdaAnswer(counted) - sizes[i];
            rendered[i] = counted;
        }
        return response(200, head + String.join(",", rendered) + "]}", unavailable > 0 ? RETRY_HEADERS : JSON_HEADERS);
    }

    private static ObjectNode result(BatchItemResult result, boolean countsOnly) {
        ObjectNode node = JsonNodes.FACTORY.objectNode()
                .put("index", result.index())
                .put("status", result.status().wireName());
        if (result.status() == BatchItemResult.Status.STORED && !result.ignored().isEmpty()) {
            if (countsOnly) {
                node.put("ignoredNotListed", result.ignored().size());
            } else {
                ignored(node.putArray("ignored"), result.ignored());
            }
        } else if (result.status() == BatchItemResult.Status.REJECTED) {
            if (countsOnly) {
                node.putArray("details").addObject()
                        .put("message", "value has " + (result.details().size() + result.unlisted())
                                + " problems, not listed: the answer to this batch would pass Lambda's 6 MB response"
                                + " limit. Send the item alone to see them.")
                        .put("type", TRUNCATED)
                        .putArray("path");
            } else {
                details(node.putArray("details"), result.details(), result.unlisted());
            }
        }
        return node;
    }

    /**
     * What a body takes in Lambda's answer, where the runtime writes it as a JSON string: quotes and backslashes
     * doubled, and, to be safe whatever the serializer escapes, every other character than ASCII as a
     * &#92;uXXXX escape (6 bytes per UTF-16 unit).
     */
    static long sizeInLambdaAnswer(String body) {
        long size = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            size += c == '"' || c == '\\' ? 2 : c < 0x20 || c >= 0x80 ? 6 : 1;
        }
        return size;
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
        details(body.putArray("details"), problems, unlisted);
        return response(422, write(body), JSON_HEADERS);
    }

    private static void details(ArrayNode details, List<ValidationProblem> problems, int unlisted) {
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
                    .put("type", TRUNCATED)
                    .putArray("path");
        }
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
