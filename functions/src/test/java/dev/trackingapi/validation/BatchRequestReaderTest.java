package dev.trackingapi.validation;

import dev.trackingapi.api.Json;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.BatchItem;
import dev.trackingapi.validation.BatchRequestReader.BatchRequest;
import dev.trackingapi.validation.BatchRequestReader.Entry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The batch itself must be well formed or nothing is read; each item is read by its single route's rules, on its own,
 * its problems relative to the item.
 */
class BatchRequestReaderTest {
    static final String EVENT = "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Viewed\",\"time\":1579547655000,"
            + "\"attributes\":[{\"name\":\"Amount\",\"type\":\"number\",\"value\":732.23}]}";
    static final String FLAT_EVENT = "{\"type\":\"event\",\"customerId\":\"c2\",\"name\":\"Viewed\",\"time\":1,"
            + "\"eventId\":\"e-1\",\"attributes\":{\"Quantity\":3,\"Tags\":[\"a\"]}}";
    static final String CUSTOMER = "{\"type\":\"customer\",\"id\":\"c1\",\"attributes\":{\"name\":\"Asha\","
            + "\"mobile\":9876543210,\"plan\":\"gold\"}}";
    static final String TYPED_CUSTOMER = "{\"type\":\"customer\",\"id\":\"c3\",\"attributes\":[{\"name\":\"Signed Up\","
            + "\"type\":\"date\",\"value\":\"2021-03-04\"}]}";

    private static BatchRequest read(String... items) {
        return BatchRequestReader.read(Json.parse("{\"batch\":[" + String.join(",", items) + "]}"));
    }

    private static List<String> problemsOf(String body) {
        RequestValidationException invalid = catchThrowableOfType(RequestValidationException.class,
                () -> BatchRequestReader.read(Json.parse(body)));
        assertThat(invalid).as(body).isNotNull();
        List<String> problems = new ArrayList<>();
        invalid.problems().forEach(problem -> problems.add(problem.path() + " " + problem.type()));
        return problems;
    }

    private static List<String> rejection(Entry entry) {
        assertThat(entry).isInstanceOf(Entry.Rejected.class);
        List<String> problems = new ArrayList<>();
        ((Entry.Rejected) entry).problems().forEach(problem -> problems.add(problem.path() + " " + problem.type()));
        return problems;
    }

    @Test
    void eventsAndCustomers_inEitherAttributeForm_areReadInBatchOrder() {
        BatchRequest batch = read(EVENT, CUSTOMER, FLAT_EVENT, TYPED_CUSTOMER);

        assertThat(batch.entries()).allSatisfy(entry -> assertThat(entry).isInstanceOf(Entry.Valid.class));
        List<BatchItem> items = batch.entries().stream().map(entry -> ((Entry.Valid) entry).item()).toList();
        assertThat(items).extracting(BatchItem::customerId).containsExactly("c1", "c1", "c2", "c3");
        BatchItem.Event event = (BatchItem.Event) items.get(0);
        assertThat(event.request().attributes().get(0).type()).isEqualTo(AttributeType.NUMBER);
        assertThat(((BatchItem.Event) items.get(2)).request().eventId()).isEqualTo("e-1");
        BatchItem.Customer customer = (BatchItem.Customer) items.get(1);
        assertThat(customer.request().reserved()).containsEntry("mobile", "9876543210");
        assertThat(customer.request().custom()).extracting(attribute -> attribute.name()).containsExactly("plan");
        assertThat(((BatchItem.Customer) items.get(3)).request().custom().get(0).type()).isEqualTo(AttributeType.DATE);
    }

    @Test
    void aBodyThatIsNotABatch_isRefusedAsAWhole() {
        assertThat(problemsOf("[]")).containsExactly("[] object.base");
        assertThat(problemsOf("{}")).containsExactly("[batch] any.required");
        assertThat(problemsOf("{\"batch\":{}}")).containsExactly("[batch] array.base");
        assertThat(problemsOf("{\"batch\":\"" + EVENT.replace("\"", "'") + "\"}")).containsExactly("[batch] array.base");
        assertThat(problemsOf("{\"batch\":[]}")).containsExactly("[batch] array.min");
    }

    @Test
    void aThousandItems_areABatch_aThousandAndOne_areNot() {
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_BATCH_ITEMS; i++) {
            thousand.add(EVENT);
        }
        assertThat(read(thousand.toArray(String[]::new)).entries()).hasSize(1000);

        thousand.add(EVENT);
        RequestValidationException invalid = catchThrowableOfType(RequestValidationException.class,
                () -> read(thousand.toArray(String[]::new)));
        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo("array.max");
            assertThat(problem.message()).isEqualTo("batch must contain less than or equal to 1000 items (it has 1001)");
            assertThat(problem.context()).containsEntry("limit", 1000);
        });
    }

    @Test
    void itemsWithoutAKnownType_refuseTheBatch_everyOneListedWithItsPath() {
        assertThat(problemsOf("{\"batch\":[" + EVENT + ",1,{\"id\":\"c\"},{\"type\":\"order\"},{\"type\":\"EVENT\"},"
                + "{\"type\":null},[]," + CUSTOMER + "]}"))
                .containsExactly("[batch, 1] object.base", "[batch, 2, type] any.required",
                        "[batch, 3, type] any.only", "[batch, 4, type] any.only", "[batch, 5, type] any.only",
                        "[batch, 6] object.base");
        RequestValidationException invalid = catchThrowableOfType(RequestValidationException.class,
                () -> read("{\"type\":\"order\"}"));
        assertThat(invalid.problems().get(0).message()).isEqualTo("batch[0].type must be one of [event, customer]");
    }

    @Test
    void anInvalidItem_isRejectedWithItsProblemsRelativeToItself_andTheOthersAreRead() {
        BatchRequest batch = read(EVENT,
                "{\"type\":\"event\",\"name\":\"" + "n".repeat(50) + "\",\"time\":\"now\",\"attributes\":[{\"name\":\"a\","
                        + "\"type\":\"colour\",\"value\":1}]}",
                "{\"type\":\"customer\",\"attributes\":{\"email\":true}}",
                CUSTOMER);

        assertThat(batch.entries().get(0)).isInstanceOf(Entry.Valid.class);
        assertThat(rejection(batch.entries().get(1))).containsExactlyInAnyOrder("[customerId] any.required",
                "[name] string.max", "[time] number.base", "[attributes, 0, type] any.only");
        Entry.Rejected rejected = (Entry.Rejected) batch.entries().get(1);
        assertThat(rejected.problems()).anySatisfy(problem -> assertThat(problem.message())
                .isEqualTo("customerId is required"));
        assertThat(rejection(batch.entries().get(2))).containsExactlyInAnyOrder("[id] any.required",
                "[attributes, email] string.base");
        assertThat(batch.entries().get(3)).isInstanceOf(Entry.Valid.class);
    }

    @Test
    void anEventItem_needsItsTime_asOnTrackEventV2() {
        assertThat(rejection(read("{\"type\":\"event\",\"customerId\":\"c\",\"name\":\"e\",\"attributes\":{}}")
                .entries().get(0))).containsExactly("[time] any.required");
    }

    @Test
    void anItemOf256KbAsCompactJsonWithoutItsType_isRead_oneByteMore_isRejected_andWhitespaceDoesNotCount() {
        String asItsRouteTakesIt = "{\"id\":\"c\",\"attributes\":{\"note\":\"\"}}";
        String exactly = "{\"type\":\"customer\"," + asItsRouteTakesIt.substring(1).replace("\"note\":\"\"",
                "\"note\":\"" + "x".repeat(Limits.MAX_BATCH_ITEM_BYTES - asItsRouteTakesIt.length()) + "\"");
        String oneMore = exactly.replace("\"note\":\"", "\"note\":\"x");
        String spaced = exactly.replace(",", " ,   ").replace(":", " : ");

        BatchRequest batch = read(exactly, oneMore, spaced);

        assertThat(batch.entries().get(0)).isInstanceOf(Entry.Valid.class);
        assertThat(rejection(batch.entries().get(1))).containsExactly("[] object.bytes");
        assertThat(((Entry.Rejected) batch.entries().get(1)).problems().get(0).message())
                .isEqualTo("value is 262145 bytes as compact JSON (its type aside); an item may be at most 262144"
                        + " bytes (256 KB), as a request of the single routes");
        assertThat(batch.entries().get(2)).isInstanceOf(Entry.Valid.class);
    }
}
