package dev.trackingapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.validation.JsonPath;
import dev.trackingapi.validation.Texts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented response contract (README, "Responses"), checked on any response: the status is a documented one,
 * the body is a JSON object of exactly that status's shape (a batch's 200 has its own), in valid Unicode, and every
 * validation problem names its path (its message starts with the path's label). Returns the violations rather than throwing, so that one check
 * serves JUnit assertions and the fuzzer alike.
 */
public final class ResponseContract {
    private static final Map<Integer, String> ERROR_TYPES = Map.of(
            400, "BadRequestError", 401, "AuthenticationError", 403, "AuthorizationError", 404, "NotFoundError",
            413, "PayloadTooLargeError", 422, "ValidationError", 500, "InternalError", 503, "ServiceUnavailableError");
    private static final Set<String> PRODUCT_FIELDS = Set.of("id", "name", "image", "url", "price", "status",
            "description", "originalHigherPrice", "vendor", "createdAt", "updatedAt");
    private static final Set<String> COLLECTION_FIELDS = Set.of("id", "name", "description", "image", "url",
            "createdAt", "updatedAt");

    private ResponseContract() {
    }

    public static List<String> violations(TrackingApi.Response response) {
        return violations(response.status(), response.headers(), response.body());
    }

    public static List<String> violations(int status, Map<String, String> headers, String body) {
        List<String> violations = new ArrayList<>();
        if (status != 200 && status != 202 && !ERROR_TYPES.containsKey(status)) {
            violations.add("status " + status + " is not a documented status");
            return violations;
        }
        if (headers == null || !"application/json".equals(headers.get("content-type"))) {
            violations.add("content-type is not application/json: " + headers);
        }
        if (body == null || Texts.hasUnpairedSurrogate(body)) {
            violations.add("the body is missing or not valid Unicode (an unpaired surrogate)");
            return violations;
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            violations.add("the body is not JSON: " + e.getMessage());
            return violations;
        }
        if (json == null || !json.isObject()) {
            violations.add("the body is not a JSON object");
            return violations;
        }
        if (json.has("receipt") && (status == 200 || status == 202)) {
            erasure(status, json, headers, violations);
        } else if (status == 200 && json.has("collections")) {
            product(json, true, violations);
        } else if (status == 200 && json.has("products")) {
            page(json, violations);
        } else if (status == 200 && json.has("results")) {
            batch(json, headers, violations);
        } else if (status == 200) {
            success(json, violations);
        } else if (status == 202) {
            fields(json, Set.of("success", "inProgress", "message"), violations);
            if (!json.path("success").isBoolean() || json.path("success").booleanValue()
                    || !json.path("inProgress").booleanValue() || json.path("message").asText("").isBlank()) {
                violations.add("a 202 body says success: false, inProgress: true, and how to finish: " + json);
            }
        } else if (status == 422) {
            validationError(json, violations);
        } else {
            error(status, json, headers, violations);
        }
        return violations;
    }

    /** DELETE /customers/{id}: 200 complete, or 202 not yet (with Retry-After), the counts and the receipt id. */
    private static void erasure(int status, JsonNode json, Map<String, String> headers, List<String> violations) {
        fields(json, Set.of("success", "complete", "erased", "receipt"), violations);
        if (json.path("complete").asBoolean() != (status == 200)) {
            violations.add("an erasure is complete exactly when it answers 200");
        }
        fields(json.path("erased"), Set.of("profile", "events", "other"), violations);
        json.path("erased").forEach(count -> {
            if (!count.isIntegralNumber() || count.asLong() < 0) {
                violations.add("erased counts are whole numbers, 0 or more: " + json.path("erased"));
            }
        });
        if (!json.path("receipt").asText().matches("er_[A-Za-z0-9_-]{22}")) {
            violations.add("the receipt id is not er_ and 22 characters: " + json.path("receipt"));
        }
        if (status == 202 && (headers == null || !headers.containsKey("retry-after"))) {
            violations.add("a 202 erasure must say Retry-After");
        }
    }

    private static void success(JsonNode json, List<String> violations) {
        fields(json, json.has("ignored") ? Set.of("success", "ignored") : Set.of("success"), violations);
        if (!json.path("success").isBoolean() || !json.path("success").booleanValue()) {
            violations.add("a 200 body must say success: true");
        }
        if (json.has("ignored")) {
            ignored(json.get("ignored"), violations);
        }
    }

    private static void ignored(JsonNode ignoredList, List<String> violations) {
        if (!ignoredList.isArray() || ignoredList.isEmpty()) {
            violations.add("ignored must be a non-empty array when present");
            return;
        }
        for (JsonNode ignored : ignoredList) {
            String reason = ignored.path("reason").asText();
            if ("type_mismatch".equals(reason)) {
                fields(ignored, Set.of("attribute", "reason", "registeredType", "receivedType"), violations);
            } else if ("attribute_limit_exceeded".equals(reason)) {
                fields(ignored, Set.of("attribute", "reason", "receivedType", "limit"), violations);
            } else {
                violations.add("unknown ignored reason: " + ignored);
            }
        }
    }

    /**
     * A batch's 200: the counts agree with the results, one per item in order, success only when all are stored,
     * Retry-After exactly when some are unavailable; each result in its status's shape.
     */
    private static void batch(JsonNode json, Map<String, String> headers, List<String> violations) {
        fields(json, Set.of("success", "stored", "rejected", "unavailable", "results"), violations);
        JsonNode results = json.path("results");
        if (!results.isArray() || results.isEmpty()) {
            violations.add("a batch's results must be a non-empty array");
            return;
        }
        Map<String, Integer> counts = new java.util.HashMap<>(Map.of("stored", 0, "rejected", 0, "unavailable", 0));
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            String status = result.path("status").asText();
            if (result.path("index").asInt(-1) != i || !counts.containsKey(status)) {
                violations.add("result " + i + " must have index " + i + " and a documented status: " + result);
                continue;
            }
            counts.merge(status, 1, Integer::sum);
            switch (status) {
                case "stored" -> {
                    if (result.has("ignored")) {
                        fields(result, Set.of("index", "status", "ignored"), violations);
                        ignored(result.get("ignored"), violations);
                    } else if (result.has("ignoredNotListed")) {
                        fields(result, Set.of("index", "status", "ignoredNotListed"), violations);
                    } else {
                        fields(result, Set.of("index", "status"), violations);
                    }
                }
                case "rejected" -> {
                    fields(result, Set.of("index", "status", "details"), violations);
                    details(result.path("details"), violations);
                }
                default -> fields(result, Set.of("index", "status"), violations);
            }
        }
        counts.forEach((status, count) -> {
            if (json.path(status).asInt(-1) != count) {
                violations.add(status + " must count the results that are " + status + " (" + count + "): " + json);
            }
        });
        if (json.path("success").asBoolean(false) != (counts.get("stored") == results.size())) {
            violations.add("success must be true exactly when every item was stored: " + json);
        }
        boolean retryAfter = headers != null && headers.getOrDefault("retry-after", "").matches("[1-9][0-9]*");
        if (retryAfter != counts.get("unavailable") > 0) {
            violations.add("Retry-After must be sent exactly when an item is unavailable: " + headers);
        }
    }

    /** GET /product/{id} (with its collections' ids) or an entry of a page (without). */
    private static void product(JsonNode json, boolean withCollections, List<String> violations) {
        Set<String> actual = new TreeSet<>();
        json.fieldNames().forEachRemaining(actual::add);
        Set<String> allowed = new TreeSet<>(PRODUCT_FIELDS);
        if (withCollections) {
            allowed.add("collections");
            if (!json.path("collections").isArray()) {
                violations.add("a product's collections must be an array of ids: " + json);
            }
        }
        if (!allowed.containsAll(actual) || !actual.containsAll(Set.of("id", "name", "image", "url", "price", "status",
                "createdAt", "updatedAt"))) {
            violations.add("fields " + actual + " are not a documented product's " + allowed + ": " + json);
        }
        if (!json.path("price").isNumber() || !Set.of("inStock", "outOfStock").contains(json.path("status").asText())) {
            violations.add("a product has a numeric price and a documented status: " + json);
        }
    }

    /** GET /collection/{id}/products. */
    private static void page(JsonNode json, List<String> violations) {
        fields(json, Set.of("collection", "products", "cursor"), violations);
        Set<String> collection = new TreeSet<>();
        json.path("collection").fieldNames().forEachRemaining(collection::add);
        if (!COLLECTION_FIELDS.containsAll(collection) || !collection.containsAll(Set.of("id", "name"))) {
            violations.add("fields " + collection + " are not a documented collection's: " + json);
        }
        if (!json.path("cursor").isNull() && !json.path("cursor").isTextual()) {
            violations.add("a page's cursor is a string or null: " + json);
        }
        json.path("products").forEach(product -> product(product, false, violations));
    }

    private static void validationError(JsonNode json, List<String> violations) {
        fields(json, Set.of("type", "details"), violations);
        if (!"ValidationError".equals(json.path("type").asText())) {
            violations.add("a 422 body must have type ValidationError");
        }
        details(json.path("details"), violations);
    }

    private static void details(JsonNode details, List<String> violations) {
        if (!details.isArray() || details.isEmpty()) {
            violations.add("at least one problem must be listed in details");
            return;
        }
        for (JsonNode detail : details) {
            detail(detail, violations);
        }
    }

    private static void detail(JsonNode detail, List<String> violations) {
        String message = detail.path("message").asText("");
        if (message.isBlank() || !detail.path("type").isTextual() || !detail.path("path").isArray()) {
            violations.add("a problem needs a message, a type and a path: " + detail);
            return;
        }
        if ("any.truncated".equals(detail.get("type").textValue())) {
            fields(detail, Set.of("message", "path", "type"), violations);
            return;
        }
        fields(detail, Set.of("message", "path", "type", "context"), violations);
        JsonPath path = JsonPath.root();
        for (JsonNode step : detail.get("path")) {
            if (step.isTextual()) {
                path = path.field(step.textValue());
            } else if (step.isInt() && step.intValue() >= 0) {
                path = path.index(step.intValue());
            } else {
                violations.add("a path step must be a field name or an index: " + detail);
                return;
            }
        }
        if (!message.startsWith(path.label() + " ")) {
            violations.add("the message does not name its path " + path.label() + ": " + message);
        }
        if (!path.label().equals(detail.path("context").path("label").asText(null))) {
            violations.add("context.label is not the path's label " + path.label() + ": " + detail);
        }
    }

    private static void error(int status, JsonNode json, Map<String, String> headers, List<String> violations) {
        fields(json, status == 500 ? Set.of("type", "message", "requestId") : Set.of("type", "message"), violations);
        if (!ERROR_TYPES.get(status).equals(json.path("type").asText())) {
            violations.add("a " + status + " body must have type " + ERROR_TYPES.get(status) + ": " + json);
        }
        if (json.path("message").asText("").isBlank()) {
            violations.add("a " + status + " body must have a message");
        }
        if (status == 503 && (headers == null || !headers.getOrDefault("retry-after", "").matches("[1-9][0-9]*"))) {
            violations.add("a 503 must say when to retry (Retry-After): " + headers);
        }
    }

    private static void fields(JsonNode object, Set<String> expected, List<String> violations) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            actual.add(names.next());
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            violations.add("fields " + actual + " are not the documented " + new TreeSet<>(expected) + ": " + object);
        }
    }
}
