package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductStatus;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates the catalog routes' requests as the vendor's validator (Joi 15) does, with its error types
 * (any.allowOnly, any.empty, string.uri...), but listing every problem, not only the first; throws
 * {@link RequestValidationException}. Fields the docs do not name are ignored (connectors send more), never stored.
 */
public final class CatalogRequestReader {
    /** The name of the path parameter that holds a product's or a collection's id. */
    public static final String ID = "id";
    public static final String PRODUCTS = "products";
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    private CatalogRequestReader() {
    }

    /** The body of POST /product. */
    public static Product product(JsonNode body) {
        Problems problems = new Problems();
        JsonPath root = objectRoot(body, problems);
        String id = requiredId(body.get(ID), root.field(ID), problems);
        String name = requiredText(body.get("name"), root.field("name"), Limits.MAX_CATALOG_NAME_LENGTH, problems);
        String image = url(body.get("image"), root.field("image"), true, problems);
        String url = url(body.get("url"), root.field("url"), true, problems);
        BigDecimal price = price(body.get("price"), root.field("price"), true, problems);
        ProductStatus status = status(body.get("status"), root.field("status"), problems);
        String description = optionalText(body.get("description"), root.field("description"),
                Limits.MAX_DESCRIPTION_LENGTH, problems);
        BigDecimal originalHigherPrice = price(body.get("originalHigherPrice"), root.field("originalHigherPrice"),
                false, problems);
        String vendor = optionalText(body.get("vendor"), root.field("vendor"), Limits.MAX_VENDOR_LENGTH, problems);
        problems.throwIfAny();
        return new Product(id, name, image, url, price, status, description, originalHigherPrice, vendor);
    }

    /** The body of POST /collection. */
    public static ProductCollection collection(JsonNode body) {
        Problems problems = new Problems();
        JsonPath root = objectRoot(body, problems);
        String id = requiredId(body.get(ID), root.field(ID), problems);
        String name = requiredText(body.get("name"), root.field("name"), Limits.MAX_CATALOG_NAME_LENGTH, problems);
        String description = optionalText(body.get("description"), root.field("description"),
                Limits.MAX_DESCRIPTION_LENGTH, problems);
        String image = url(body.get("image"), root.field("image"), false, problems);
        String url = url(body.get("url"), root.field("url"), false, problems);
        problems.throwIfAny();
        return new ProductCollection(id, name, description, image, url);
    }

    /** A product's or collection's id from the path (already percent-decoded, once), by the body's rules. */
    public static String pathId(String decoded) {
        Problems problems = new Problems();
        String id = pathId(decoded, problems);
        problems.throwIfAny();
        return id;
    }

    /** As {@link #pathId(String)}, recording its problem beside others of the same request; null after one. */
    public static String pathId(String decoded, Problems problems) {
        return requiredId(decoded == null ? null : TextNode.valueOf(decoded), JsonPath.root().field(ID), problems);
    }

    /** POST /collection/{id}/products/add and /remove: the collection's id from the path, the product ids as sent. */
    public record MappingRequest(String collectionId, List<String> productIds) {
    }

    public static MappingRequest mapping(String decodedCollectionId, JsonNode body) {
        Problems problems = new Problems();
        String collectionId = pathId(decodedCollectionId, problems);
        JsonPath root = objectRoot(body, problems);
        JsonPath path = root.field(PRODUCTS);
        JsonNode products = body.get(PRODUCTS);
        List<String> productIds = new ArrayList<>();
        if (products == null || products.isMissingNode()) {
            problems.add(path, "any.required", "is required");
        } else if (!products.isArray()) {
            problems.add(path, "array.base", "must be an array of product ids (got " + Texts.kindOf(products) + ")",
                    Texts.scalarOrNull(products), Map.of());
        } else {
            if (products.isEmpty()) {
                problems.add(path, "array.min", "must contain at least 1 items", null, Map.of("limit", 1));
            } else if (products.size() > Limits.MAX_PRODUCTS_PER_MAPPING_REQUEST) {
                problems.add(path, "array.max", "must contain less than or equal to "
                        + Limits.MAX_PRODUCTS_PER_MAPPING_REQUEST + " items (it has " + products.size() + ")", null,
                        Map.of("limit", Limits.MAX_PRODUCTS_PER_MAPPING_REQUEST));
            }
            for (int i = 0; i < products.size(); i++) {
                productIds.add(requiredId(products.get(i), path.index(i), problems));
            }
        }
        problems.throwIfAny();
        return new MappingRequest(collectionId, productIds);
    }

    /**
     * What adding found missing, as a 422: the collection at the path parameter's place, each product at its index in
     * the body (every index that names it).
     */
    public static void refuseMissing(MappingRequest request, MappingOutcome outcome) {
        Problems problems = new Problems();
        if (outcome.collectionMissing()) {
            problems.add(JsonPath.root().field(ID), "any.notFound", "does not name a collection of this project (\""
                    + request.collectionId() + "\"); create it with POST /collection first", request.collectionId(),
                    Map.of());
        }
        for (int i = 0; i < request.productIds().size(); i++) {
            String productId = request.productIds().get(i);
            if (outcome.missingProducts().contains(productId)) {
                problems.add(JsonPath.root().field(PRODUCTS).index(i), "any.notFound", "does not name a product of"
                        + " this project (\"" + productId + "\"); create it with POST /product first", productId,
                        Map.of());
            }
        }
        problems.throwIfAny();
    }

    /** The page size of a listing: absent is the default, else a whole number from 1 to 100. */
    public static int pageSize(String limit, Problems problems) {
        if (limit == null) {
            return Limits.DEFAULT_PAGE_SIZE;
        }
        JsonPath path = JsonPath.root().field(LIMIT);
        BigDecimal number = Numbers.parseDecimalText(limit);
        if (number == null) {
            problems.add(path, "number.base", "must be a number (got \"" + limit + "\")", limit, Map.of());
        } else if (!Numbers.isWhole(number)) {
            problems.add(path, "number.integer", "must be an integer", limit, Map.of());
        } else if (number.compareTo(BigDecimal.ONE) < 0) {
            problems.add(path, "number.min", "must be larger than or equal to 1", limit, Map.of("limit", 1));
        } else if (number.compareTo(BigDecimal.valueOf(Limits.MAX_PAGE_SIZE)) > 0) {
            problems.add(path, "number.max", "must be less than or equal to " + Limits.MAX_PAGE_SIZE, limit,
                    Map.of("limit", Limits.MAX_PAGE_SIZE));
        } else {
            return number.intValueExact();
        }
        return Limits.DEFAULT_PAGE_SIZE;
    }

    private static JsonPath objectRoot(JsonNode body, Problems problems) {
        JsonPath root = JsonPath.root();
        if (!body.isObject()) {
            problems.add(root, "object.base", "must be an object (got " + Texts.kindOf(body) + ")");
            problems.throwIfAny();
        }
        return root;
    }

    /** An id: a string of 1 to 50 characters, not blank, without control characters. */
    private static String requiredId(JsonNode node, JsonPath path, Problems problems) {
        String text = requiredText(node, path, Limits.MAX_CATALOG_ID_LENGTH, problems);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            problems.add(path, "string.blank", "must not be blank", text, Map.of());
            return null;
        }
        if (Texts.hasControlCharacter(text)) {
            problems.add(path, "string.control", "must not contain control characters", text, Map.of());
            return null;
        }
        return text;
    }

    private static String requiredText(JsonNode node, JsonPath path, int maxLength, Problems problems) {
        if (node == null || node.isMissingNode()) {
            problems.add(path, "any.required", "is required");
            return null;
        }
        String text = string(node, path, problems);
        if (text != null && text.isEmpty()) {
            problems.add(path, "any.empty", "is not allowed to be empty", text, Map.of("invalids", List.of("")));
            return null;
        }
        return text == null ? null : withinLength(text, path, maxLength, problems);
    }

    /** Absent or null is absent; an empty string is kept as one (the docs allow it for the description). */
    private static String optionalText(JsonNode node, JsonPath path, int maxLength, Problems problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = string(node, path, problems);
        return text == null ? null : withinLength(text, path, maxLength, problems);
    }

    private static String string(JsonNode node, JsonPath path, Problems problems) {
        if (!node.isTextual()) {
            problems.add(path, "string.base", "must be a string (got " + Texts.kindOf(node) + ")",
                    Texts.scalarOrNull(node), Map.of());
            return null;
        }
        return Texts.isValidUnicode(node.textValue(), "contains", path, problems) ? node.textValue() : null;
    }

    private static String withinLength(String text, JsonPath path, int maxLength, Problems problems) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add(path, "string.max", "length must be less than or equal to " + maxLength
                    + " characters long (it is " + length + ")", text, Map.of("limit", maxLength));
            return null;
        }
        return text;
    }

    /**
     * An absolute http or https URL of at most 1000 characters, which java.net.URI parses (so no spaces or other
     * characters that must be percent-encoded) and which names a host. An optional one may be absent, null or empty.
     */
    private static String url(JsonNode node, JsonPath path, boolean required, Problems problems) {
        String text = required ? requiredText(node, path, Limits.MAX_URL_LENGTH, problems)
                : optionalText(node, path, Limits.MAX_URL_LENGTH, problems);
        if (text == null || (!required && text.isEmpty())) {
            return null;
        }
        if (!isWebUrl(text)) {
            problems.add(path, "string.uri", "must be a valid uri: an absolute http or https URL", text, Map.of());
            return null;
        }
        return text;
    }

    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A price: a JSON number, or a string written as one ("12.20", as Shopify sends prices; the vendor's validator
     * converts those too), exact, not negative, storable. An optional one may be absent or null.
     */
    private static BigDecimal price(JsonNode node, JsonPath path, boolean required, Problems problems) {
        if (node == null || node.isMissingNode() || (!required && node.isNull())) {
            if (required) {
                problems.add(path, "any.required", "is required");
            }
            return null;
        }
        BigDecimal price = node.isNumber() ? node.decimalValue()
                : node.isTextual() ? Numbers.parseDecimalText(node.textValue()) : null;
        if (price == null) {
            problems.add(path, "number.base", "must be a number (got " + Texts.kindOf(node) + ")",
                    Texts.scalarOrNull(node), Map.of());
            return null;
        }
        if (!Values.storable(price, path, problems, "")) {
            return null;
        }
        if (price.signum() < 0) {
            problems.add(path, "number.min", "must be larger than or equal to 0", price, Map.of("limit", 0));
            return null;
        }
        return price;
    }

    private static ProductStatus status(JsonNode node, JsonPath path, Problems problems) {
        if (node == null || node.isMissingNode()) {
            problems.add(path, "any.required", "is required");
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path, "string.base", "must be a string, one of " + ProductStatus.wireNames() + " (got "
                    + Texts.kindOf(node) + ")", Texts.scalarOrNull(node), Map.of());
            return null;
        }
        return ProductStatus.fromWireName(node.textValue()).orElseGet(() -> {
            problems.add(path, "any.allowOnly", "must be one of [" + String.join(", ", ProductStatus.wireNames()) + "]",
                    node.textValue(), Map.of("valids", ProductStatus.wireNames()));
            return null;
        });
    }
}
