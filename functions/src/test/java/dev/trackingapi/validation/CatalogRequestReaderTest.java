package dev.trackingapi.validation;

import dev.trackingapi.model.MappingOutcome;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.trackingapi.api.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every field rule of the catalog's bodies, paths and query parameters, with the vendor's (Joi 15) error types. */
class CatalogRequestReaderTest {
    private static final String VALID = "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
            + "\"url\":\"https://shop.example.com/m\",\"price\":12.20,\"status\":\"inStock\"}";

    static List<ValidationProblem> problems(Executable read) {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class, read::execute);
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.problems();
    }

    static List<ValidationProblem> productProblems(String body) {
        return problems(() -> CatalogRequestReader.product(parse(body)));
    }

    /** The valid product with one field replaced (or added) by the given JSON, or removed when it is null. */
    static String productWith(String field, String json) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        parse(VALID).properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue().toString()));
        if (json == null) {
            fields.remove(field);
        } else {
            fields.put(field, json);
        }
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() == 1 ? "" : ",").append('"').append(name)
                .append("\":").append(value));
        return body.append('}').toString();
    }

    static ValidationProblem theProblemWith(String field, String json) {
        List<ValidationProblem> problems = productProblems(productWith(field, json));
        assertThat(problems).as(field + " = " + json).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aFullProduct_isReadExactly_andUnknownFieldsAreIgnored() {
        Product product = CatalogRequestReader.product(parse("{\"id\":\"p1\",\"name\":\"Mixer\","
                + "\"image\":\"https://cdn.example.com/m.png\",\"url\":\"http://shop.example.com/m?v=1#top\","
                + "\"price\":1321.50,\"originalHigherPrice\":\"1499.990\",\"status\":\"outOfStock\","
                + "\"description\":\"Three jars.\",\"vendor\":\"Acme\",\"tags\":[\"x\"],\"projectId\":\"other\"}"));

        assertThat(product).isEqualTo(new Product("p1", "Mixer", "https://cdn.example.com/m.png",
                "http://shop.example.com/m?v=1#top", new BigDecimal("1321.50"), ProductStatus.OUT_OF_STOCK,
                "Three jars.", new BigDecimal("1499.990"), "Acme"));
    }

    @Test
    void theDocumentedDecimalPrices_areKeptExactly_alsoWhenSentAsStrings() {
        for (String price : List.of("12.20", "1321", "15.5", "\"12.20\"", "0")) {
            assertThat(CatalogRequestReader.product(parse(productWith("price", price))).price().toPlainString())
                    .isEqualTo(price.replace("\"", ""));
        }
    }

    @Test
    void optionalFields_mayBeAbsentOrNull_andTheDescriptionMayBeEmpty() {
        Product minimal = CatalogRequestReader.product(parse(VALID));
        Product nulls = CatalogRequestReader.product(parse(VALID.replace("}", ",\"description\":null,"
                + "\"originalHigherPrice\":null,\"vendor\":null}")));
        Product empty = CatalogRequestReader.product(parse(VALID.replace("}", ",\"description\":\"\",\"vendor\":\"\"}")));

        assertThat(List.of(minimal, nulls)).allSatisfy(product -> {
            assertThat(product.description()).isNull();
            assertThat(product.originalHigherPrice()).isNull();
            assertThat(product.vendor()).isNull();
        });
        assertThat(empty.description()).isEmpty();
        assertThat(empty.vendor()).isEmpty();
    }

    @Test
    void everyMissingRequiredField_isListed_notOnlyTheFirst() {
        assertThat(productProblems("{}")).extracting(ValidationProblem::path, ValidationProblem::type,
                ValidationProblem::message).containsExactly(
                tuple(List.of("id"), "any.required", "id is required"),
                tuple(List.of("name"), "any.required", "name is required"),
                tuple(List.of("image"), "any.required", "image is required"),
                tuple(List.of("url"), "any.required", "url is required"),
                tuple(List.of("price"), "any.required", "price is required"),
                tuple(List.of("status"), "any.required", "status is required"));
    }

    @Test
    void theDocumentedStatusExample_isAnyAllowOnly_withTheValidsInContext() {
        ValidationProblem problem = theProblemWith("status", "\"1outOfStock\"");

        assertThat(problem.message()).isEqualTo("status must be one of [inStock, outOfStock]");
        assertThat(problem.path()).containsExactly("status");
        assertThat(problem.type()).isEqualTo("any.allowOnly");
        assertThat(problem.context()).containsExactlyInAnyOrderEntriesOf(Map.of("value", "1outOfStock",
                "valids", List.of("inStock", "outOfStock"), "key", "status", "label", "status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"instock\"", "\"InStock\"", "\"in stock\"", "\"\"", "\"available\""})
    void theStatus_isOneOfTheTwoSpellingsExactly(String status) {
        assertThat(theProblemWith("status", status).type()).isEqualTo("any.allowOnly");
    }

    @Test
    void aStatusThatIsNotAString_isStringBase() {
        for (String status : List.of("1", "true", "null", "[\"inStock\"]")) {
            assertThat(theProblemWith("status", status).type()).as(status).isEqualTo("string.base");
        }
    }

    @Test
    void ids_areOneTo50Characters_notBlank_withoutControlCharacters() {
        assertThat(CatalogRequestReader.product(parse(productWith("id", "\"" + "x".repeat(50) + "\""))).id())
                .hasSize(50);
        assertThat(CatalogRequestReader.product(parse(productWith("id", "\"" + "😀".repeat(50) + "\""))).id())
                .as("characters, not UTF-16 units").hasSize(100);
        assertThat(CatalogRequestReader.product(parse(productWith("id", "\"a/b #1 %\""))).id()).isEqualTo("a/b #1 %");

        ValidationProblem tooLong = theProblemWith("id", "\"" + "x".repeat(51) + "\"");
        assertThat(tooLong.type()).isEqualTo("string.max");
        assertThat(tooLong.message()).isEqualTo("id length must be less than or equal to 50 characters long (it is 51)");
        assertThat(tooLong.context()).containsEntry("limit", 50);
        ValidationProblem empty = theProblemWith("id", "\"\"");
        assertThat(empty.type()).isEqualTo("any.empty");
        assertThat(empty.message()).isEqualTo("id is not allowed to be empty");
        assertThat(empty.context()).containsEntry("invalids", List.of(""));
        assertThat(theProblemWith("id", "\"   \"").type()).isEqualTo("string.blank");
        assertThat(theProblemWith("id", "\"p\\u0000\"").type()).isEqualTo("string.control");
        assertThat(theProblemWith("id", "\"p\\n1\"").type()).isEqualTo("string.control");
        assertThat(theProblemWith("id", "\"p\\ud800\"").type()).isEqualTo("string.unicode");
        assertThat(theProblemWith("id", "42").type()).isEqualTo("string.base");
        assertThat(theProblemWith("id", "null").type()).isEqualTo("string.base");
    }

    @Test
    void theName_isRequired_oneTo2000Characters_andMayHoldAnyText() {
        assertThat(CatalogRequestReader.product(parse(productWith("name", "\"" + "n".repeat(2000) + "\""))).name())
                .hasSize(2000);
        assertThat(CatalogRequestReader.product(parse(productWith("name", "\"Mixer\\n500 W\""))).name())
                .isEqualTo("Mixer\n500 W");
        assertThat(theProblemWith("name", "\"" + "n".repeat(2001) + "\"").type()).isEqualTo("string.max");
        assertThat(theProblemWith("name", "\"\"").type()).isEqualTo("any.empty");
        assertThat(theProblemWith("name", "7").type()).isEqualTo("string.base");
        assertThat(theProblemWith("name", "\"\\udc00\"").type()).isEqualTo("string.unicode");
    }

    @Test
    void theDescription_isAtMost2000Characters_andAString() {
        assertThat(CatalogRequestReader.product(parse(productWith("description", "\"" + "d".repeat(2000) + "\"")))
                .description()).hasSize(2000);
        assertThat(theProblemWith("description", "\"" + "d".repeat(2001) + "\"").type()).isEqualTo("string.max");
        assertThat(theProblemWith("description", "{}").type()).isEqualTo("string.base");
    }

    @Test
    void theVendor_isAtMost1000Characters_andAString() {
        assertThat(CatalogRequestReader.product(parse(productWith("vendor", "\"" + "v".repeat(1000) + "\"")))
                .vendor()).hasSize(1000);
        assertThat(theProblemWith("vendor", "\"" + "v".repeat(1001) + "\"").type()).isEqualTo("string.max");
        assertThat(theProblemWith("vendor", "7").type()).isEqualTo("string.base");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.shopify.com/s/files/1/0001/products/mixer.png?v=1613",
            "http://example.com", "HTTPS://EXAMPLE.COM/A", "https://example.com:8443/a/b;c?d=e&f=%20#g",
            "https://xn--mnchen-3ya.de/produkt", "https://example.com/ürün/çay", "http://127.0.0.1/x"})
    void imageAndUrl_acceptAbsoluteHttpAndHttpsUrls(String url) {
        Product product = CatalogRequestReader.product(parse(productWith("image", "\"" + url + "\"")
                .replace("\"url\":\"https://shop.example.com/m\"", "\"url\":\"" + url + "\"")));

        assertThat(product.image()).isEqualTo(url);
        assertThat(product.url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdn.example.com/m.png", "/products/m.png", "//cdn.shopify.com/m.png", "ftp://example.com/m",
            "mailto:shop@example.com", "https://", "https:///path", "https://exa mple.com/m", "https://example.com/a b",
            "javascript:alert(1)", "https://example.com/%zz", "data:image/png;base64,AAAA"})
    void imageAndUrl_refuseWhatIsNotAnAbsoluteHttpUrl(String url) {
        for (String field : List.of("image", "url")) {
            ValidationProblem problem = theProblemWith(field, "\"" + url + "\"");
            assertThat(problem.type()).as(field + " " + url).isEqualTo("string.uri");
            assertThat(problem.message()).isEqualTo(field + " must be a valid uri: an absolute http or https URL");
            assertThat(problem.context()).containsEntry("value", url);
        }
    }

    @Test
    void imageAndUrl_areAtMost1000Characters_andRequiredOnAProduct() {
        String url1000 = "https://example.com/" + "a".repeat(1000 - "https://example.com/".length());
        assertThat(CatalogRequestReader.product(parse(productWith("image", "\"" + url1000 + "\""))).image())
                .hasSize(1000);
        assertThat(theProblemWith("image", "\"" + url1000 + "a\"").type()).isEqualTo("string.max");
        assertThat(theProblemWith("url", "\"\"").type()).isEqualTo("any.empty");
        assertThat(theProblemWith("url", "null").type()).isEqualTo("string.base");
        assertThat(theProblemWith("image", null).type()).isEqualTo("any.required");
    }

    @Test
    void prices_areNumbers_notNegative_andStorableExactly() {
        assertThat(theProblemWith("price", "\"cheap\"").type()).isEqualTo("number.base");
        assertThat(theProblemWith("price", "\"\"").type()).isEqualTo("number.base");
        assertThat(theProblemWith("price", "true").type()).isEqualTo("number.base");
        assertThat(theProblemWith("price", "null").type()).isEqualTo("number.base");
        assertThat(theProblemWith("price", "[1]").type()).isEqualTo("number.base");
        ValidationProblem negative = theProblemWith("price", "-0.01");
        assertThat(negative.type()).isEqualTo("number.min");
        assertThat(negative.message()).isEqualTo("price must be larger than or equal to 0");
        assertThat(theProblemWith("price", "1" + "0".repeat(38) + ".5").type()).isEqualTo("number.precision");
        assertThat(theProblemWith("price", "1e999").type()).isEqualTo("number.precision");
        assertThat(theProblemWith("originalHigherPrice", "\"none\"").type()).isEqualTo("number.base");
        assertThat(theProblemWith("originalHigherPrice", "-5").type()).isEqualTo("number.min");
        assertThat(CatalogRequestReader.product(parse(productWith("originalHigherPrice", "1E+3")))
                .originalHigherPrice()).isEqualByComparingTo("1000");
    }

    @Test
    void everyProblemOfABody_isListedAtOnce() {
        assertThat(productProblems("{\"id\":\"\",\"name\":7,\"image\":\"x\",\"url\":\"https://e.com\",\"price\":-1,"
                + "\"status\":\"1outOfStock\",\"description\":\"" + "d".repeat(2001) + "\",\"vendor\":[]}"))
                .extracting(ValidationProblem::path).containsExactly(List.of("id"), List.of("name"), List.of("image"),
                        List.of("price"), List.of("status"), List.of("description"), List.of("vendor"));
    }

    @Test
    void aBodyThatIsNotAnObject_isObjectBase() {
        for (String body : List.of("[]", "\"p1\"", "7", "null")) {
            assertThat(productProblems(body)).singleElement().satisfies(problem -> {
                assertThat(problem.type()).isEqualTo("object.base");
                assertThat(problem.path()).isEmpty();
            });
        }
    }

    @Test
    void aCollection_needsIdAndName_andItsImageAndUrlAreOptionalUrls() {
        ProductCollection full = CatalogRequestReader.collection(parse("{\"id\":\"c1\",\"name\":\"Summer\","
                + "\"description\":\"Hot\",\"image\":\"https://cdn.example.com/s.png\",\"url\":\"https://e.com/c\","
                + "\"sortOrder\":3}"));
        ProductCollection minimal = CatalogRequestReader.collection(parse("{\"id\":\"c1\",\"name\":\"Summer\","
                + "\"image\":\"\",\"url\":null,\"description\":\"\"}"));

        assertThat(full).isEqualTo(new ProductCollection("c1", "Summer", "Hot", "https://cdn.example.com/s.png",
                "https://e.com/c"));
        assertThat(minimal).isEqualTo(new ProductCollection("c1", "Summer", "", null, null));
        assertThat(problems(() -> CatalogRequestReader.collection(parse("{\"image\":\"s.png\",\"url\":7,"
                + "\"description\":\"" + "d".repeat(2001) + "\"}"))))
                .extracting(ValidationProblem::path, ValidationProblem::type).containsExactly(
                        tuple(List.of("id"), "any.required"), tuple(List.of("name"), "any.required"),
                        tuple(List.of("description"), "string.max"), tuple(List.of("image"), "string.uri"),
                        tuple(List.of("url"), "string.base"));
        assertThat(problems(() -> CatalogRequestReader.collection(parse("{\"id\":\"" + "c".repeat(51)
                + "\",\"name\":\"" + "n".repeat(2001) + "\"}")))).extracting(ValidationProblem::type)
                .containsExactly("string.max", "string.max");
    }

    @Test
    void aPathId_obeysTheBodysIdRules() {
        assertThat(CatalogRequestReader.pathId("a/b c")).isEqualTo("a/b c");
        assertThat(problems(() -> CatalogRequestReader.pathId("x".repeat(51)))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).containsExactly("id");
                    assertThat(problem.type()).isEqualTo("string.max");
                });
        assertThat(problems(() -> CatalogRequestReader.pathId(""))).extracting(ValidationProblem::type)
                .containsExactly("any.empty");
        assertThat(problems(() -> CatalogRequestReader.pathId(null))).extracting(ValidationProblem::type)
                .containsExactly("any.required");
        assertThat(problems(() -> CatalogRequestReader.pathId("a\tb"))).extracting(ValidationProblem::type)
                .containsExactly("string.control");
    }

    @Test
    void aMappingRequest_keepsTheIdsAsSent_andListsEveryProblemOfPathAndBody() {
        CatalogRequestReader.MappingRequest request = CatalogRequestReader.mapping("c1",
                parse("{\"products\":[\"p2\",\"p1\",\"p2\"],\"extra\":true}"));
        assertThat(request.collectionId()).isEqualTo("c1");
        assertThat(request.productIds()).containsExactly("p2", "p1", "p2");

        assertThat(problems(() -> CatalogRequestReader.mapping("", parse("{\"products\":[\"\",7,null,\"ok\","
                + "\"" + "p".repeat(51) + "\"]}")))).extracting(ValidationProblem::path, ValidationProblem::type)
                .containsExactly(tuple(List.of("id"), "any.empty"), tuple(List.of("products", 0), "any.empty"),
                        tuple(List.of("products", 1), "string.base"), tuple(List.of("products", 2), "string.base"),
                        tuple(List.of("products", 4), "string.max"));
    }

    @Test
    void theProductList_isRequired_anArray_ofOneToAThousandIds() {
        assertThat(problems(() -> CatalogRequestReader.mapping("c1", parse("{}")))).extracting(ValidationProblem::type)
                .containsExactly("any.required");
        assertThat(problems(() -> CatalogRequestReader.mapping("c1", parse("{\"products\":\"p1\"}"))))
                .extracting(ValidationProblem::type).containsExactly("array.base");
        assertThat(problems(() -> CatalogRequestReader.mapping("c1", parse("{\"products\":[]}"))))
                .extracting(ValidationProblem::type, ValidationProblem::message)
                .containsExactly(tuple("array.min", "products must contain at least 1 items"));
        String thousand = "\"p\"" + ",\"p\"".repeat(999);
        assertThat(CatalogRequestReader.mapping("c1", parse("{\"products\":[" + thousand + "]}")).productIds())
                .hasSize(1000);
        assertThat(problems(() -> CatalogRequestReader.mapping("c1", parse("{\"products\":[" + thousand + ",\"p\"]}"))))
                .extracting(ValidationProblem::type, ValidationProblem::message)
                .containsExactly(tuple("array.max", "products must contain less than or equal to 1000 items (it has"
                        + " 1001)"));
    }

    @Test
    void whatAddingFoundMissing_isListedAtItsPlaces() {
        CatalogRequestReader.MappingRequest request = new CatalogRequestReader.MappingRequest("c9",
                List.of("p1", "p2", "p1", "p3"));

        List<ValidationProblem> problems = problems(() -> CatalogRequestReader.refuseMissing(request,
                new MappingOutcome(true, List.of("p1"))));

        assertThat(problems).extracting(ValidationProblem::path, ValidationProblem::type).containsExactly(
                tuple(List.of("id"), "any.notFound"), tuple(List.of("products", 0), "any.notFound"),
                tuple(List.of("products", 2), "any.notFound"));
        assertThat(problems.get(0).message()).isEqualTo("id does not name a collection of this project (\"c9\");"
                + " create it with POST /collection first");
        assertThat(problems.get(1).context()).containsEntry("value", "p1").containsEntry("key", 0)
                .containsEntry("label", "products[0]");
    }

    @Test
    void thePageSize_isAWholeNumberFrom1To100_fiftyWhenAbsent() {
        Problems problems = new Problems();
        assertThat(CatalogRequestReader.pageSize(null, problems)).isEqualTo(50);
        assertThat(CatalogRequestReader.pageSize("1", problems)).isEqualTo(1);
        assertThat(CatalogRequestReader.pageSize("100", problems)).isEqualTo(100);
        assertThat(problems.isEmpty()).isTrue();

        for (Map.Entry<String, String> bad : Map.of("0", "number.min", "101", "number.max", "ten", "number.base",
                "1.5", "number.integer", "", "number.base", "-3", "number.min").entrySet()) {
            Problems found = new Problems();
            CatalogRequestReader.pageSize(bad.getKey(), found);
            assertThat(problems(found::throwIfAny)).singleElement().satisfies(problem -> {
                assertThat(problem.path()).containsExactly("limit");
                assertThat(problem.type()).as(bad.getKey()).isEqualTo(bad.getValue());
            });
        }
    }
}
