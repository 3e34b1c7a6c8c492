package dev.trackingapi.reliability;

import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.trackingapi.testing.TrackingApi.ADD_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.DELETE_COLLECTION;
import static dev.trackingapi.testing.TrackingApi.DELETE_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.REMOVE_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.UPSERT_COLLECTION;
import static dev.trackingapi.testing.TrackingApi.UPSERT_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 execution environments (each its own catalog and DynamoDB client) adding, removing and deleting products and
 * collections of one small catalog at once in DynamoDB Local: adds of one to 40 products (so across transactions),
 * removals, deletions of products and of collections, and upserts that bring them back. Afterwards, from every item of
 * the table: no mapping without its other direction, none pointing at a product or collection that is gone or marked,
 * every acknowledged mapping there unless a removal or a deletion that could come after it was issued, and every
 * acknowledged deletion done unless an upsert could come after it.
 */
class CatalogRaceIT {
    static final int THREADS = RaceIT.THREADS;
    private static final int OPERATIONS_PER_THREAD = 25;
    /** p0 to p39 come and go; p40 to p79 are never deleted, so that big adds can get through. */
    private static final int VOLATILE_PRODUCTS = 40;
    private static final int PRODUCTS = 80;
    private static final int COLLECTIONS = 4;

    private final List<DynamoDbClient> clients = new ArrayList<>();
    private final List<TrackingApi> environments = new ArrayList<>();
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
    private String project;

    /** One request of the race: what it asked, when it ran, what it got. */
    record Operation(String route, String id, List<String> products, long start, long end, Response response) {
        boolean acknowledged() {
            return response.status() == 200;
        }

        /** Whether it could take effect after something that started at {@code time}. */
        boolean couldFollow(long time) {
            return end > time;
        }
    }

    @BeforeEach
    void thirtyTwoExecutionEnvironments() {
        project = "catalog-race-" + UUID.randomUUID().toString().substring(0, 8);
        environments.addAll(RaceIT.executionEnvironments(clients));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DynamoDbClient::close);
    }

    private static String productId(int i) {
        return "p" + i;
    }

    private static String collectionId(int i) {
        return "c" + i;
    }

    private static String productBody(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Product " + id + "\",\"image\":\"https://cdn.example.com/" + id
                + ".png\",\"url\":\"https://shop.example.com/" + id + "\",\"price\":1.5,\"status\":\"inStock\"}";
    }

    private static String collectionBody(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Collection " + id + "\"}";
    }

    private static String idsBody(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"products\":[", "]}"));
    }

    private Operation run(TrackingApi api, String route, String id, List<String> products, String body) {
        long start = System.nanoTime();
        Response response = api.catalog(route, project, route.startsWith("POST /product")
                || route.equals(UPSERT_COLLECTION) ? null : id, body);
        return new Operation(route, id, products, start, System.nanoTime(), response);
    }

    /**
     * A thread's mix: mostly small adds and removals; now and then an add of 34 to 40 products (two transactions: the
     * stable products, which are never deleted, first, then up to two of those that come and go), a deletion, or an
     * upsert that brings a product or a collection back.
     */
    private List<Operation> race(int thread, TrackingApi api) {
        SplittableRandom random = new SplittableRandom(thread * 7919L + 17);
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            int choice = random.nextInt(100);
            String product = productId(random.nextInt(VOLATILE_PRODUCTS));
            String collection = collectionId(random.nextInt(COLLECTIONS));
            if (choice < 45) {
                List<String> products = IntStream.range(0, 1 + random.nextInt(3))
                        .mapToObj(n -> productId(random.nextInt(PRODUCTS))).toList();
                operations.add(run(api, ADD_PRODUCTS, collection, products, idsBody(products)));
            } else if (choice < 52) {
                List<String> products = new ArrayList<>(IntStream.range(VOLATILE_PRODUCTS, PRODUCTS)
                        .filter(p -> random.nextInt(10) > 0).mapToObj(CatalogRaceIT::productId).limit(38).toList());
                while (products.size() < 34) {
                    products.add(productId(VOLATILE_PRODUCTS + products.size()));
                }
                products = new ArrayList<>(new java.util.LinkedHashSet<>(products));
                for (int v = random.nextInt(3); v > 0; v--) {
                    products.add(productId(random.nextInt(VOLATILE_PRODUCTS)));
                }
                operations.add(run(api, ADD_PRODUCTS, collection, products, idsBody(products)));
            } else if (choice < 67) {
                List<String> products = List.of(product, productId(random.nextInt(PRODUCTS)));
                operations.add(run(api, REMOVE_PRODUCTS, collection, products, idsBody(products)));
            } else if (choice < 74) {
                operations.add(run(api, DELETE_PRODUCT, product, List.of(), null));
            } else if (choice < 77) {
                operations.add(run(api, DELETE_COLLECTION, collection, List.of(), null));
            } else if (choice < 90) {
                operations.add(run(api, UPSERT_PRODUCT, product, List.of(), productBody(product)));
            } else {
                operations.add(run(api, UPSERT_COLLECTION, collection, List.of(), collectionBody(collection)));
            }
        }
        return operations;
    }

    @Test
    void addsRemovalsAndDeletionsAtOnce_leaveNoDanglingMapping_andLoseNoAcknowledgedOne() throws Exception {
        TrackingApi setup = environments.get(0);
        for (int p = 0; p < PRODUCTS; p++) {
            assertThat(setup.catalog(UPSERT_PRODUCT, project, null, productBody(productId(p))).status()).isEqualTo(200);
        }
        for (int c = 0; c < COLLECTIONS; c++) {
            assertThat(setup.catalog(UPSERT_COLLECTION, project, null, collectionBody(collectionId(c))).status())
                    .isEqualTo(200);
        }

        List<Operation> operations = new ArrayList<>();
        RaceIT.together(environments, (thread, api) -> {
            List<Operation> own = race(thread, api);
            synchronized (operations) {
                operations.addAll(own);
            }
            return List.of();
        });

        Map<String, Integer> statuses = new HashMap<>();
        Map<String, Long> slowest = new HashMap<>();
        for (Operation operation : operations) {
            statuses.merge(operation.route() + " " + operation.response().status(), 1, Integer::sum);
            slowest.merge(operation.route(), (operation.end() - operation.start()) / 1_000_000, Math::max);
        }
        System.out.println("CatalogRaceIT answers: " + new java.util.TreeMap<>(statuses) + ", slowest ms: " + slowest);
        for (Operation operation : operations) {
            assertThat(ResponseContract.violations(operation.response())).as(operation.toString()).isEmpty();
            assertThat(operation.response().status()).as(operation.toString())
                    .isIn(operation.route().equals(ADD_PRODUCTS) ? List.of(200, 422, 503) : List.of(200, 503));
        }
        assertThat(statuses.getOrDefault(ADD_PRODUCTS + " 200", 0)).as("adds that got through").isGreaterThan(60);
        assertThat(statuses.getOrDefault(ADD_PRODUCTS + " 422", 0)).as("adds that met a deletion").isPositive();
        assertThat(operations).as("big adds that got through, across transactions").anyMatch(operation ->
                operation.route().equals(ADD_PRODUCTS) && operation.acknowledged() && operation.products().size() > 33);

        Catalog afterRace = catalog();
        assertThat(afterRace.dangling()).as("right after the race").isEmpty();
        for (String entry : afterRace.marked()) {
            assertThat(operations).as(entry + " is marked, so a DELETE of it was answered 503").anyMatch(operation ->
                    operation.route().startsWith("DELETE") && operation.response().status() == 503
                            && entry.equals(kindOf(operation) + "#" + operation.id()));
            String route = entry.startsWith("product#") ? DELETE_PRODUCT : DELETE_COLLECTION;
            Response finished = environments.get(0).catalog(route, project, entry.substring(entry.indexOf('#') + 1),
                    null);
            assertThat(finished.status()).as("the client's retry of " + entry).isEqualTo(200);
        }
        Catalog settled = catalog();
        assertThat(settled.dangling()).as("once every deletion is finished").isEmpty();
        assertThat(settled.marked()).isEmpty();
        Set<String> entries = settled.entries();
        Set<String> mappings = settled.mappings();

        assertThat(lostMappings(operations, mappings)).as("acknowledged mappings that nothing could have undone")
                .isEmpty();

        for (Operation delete : operations) {
            if (delete.route().startsWith("DELETE") && delete.acknowledged()) {
                String kind = kindOf(delete);
                String upsert = kind.equals("product") ? UPSERT_PRODUCT : UPSERT_COLLECTION;
                boolean mayBeBack = operations.stream().anyMatch(other -> other.route().equals(upsert)
                        && other.id().equals(delete.id()) && other.couldFollow(delete.start()));
                if (!mayBeBack) {
                    assertThat(entries).as("deleted by " + delete).doesNotContain(kind + "#" + delete.id());
                }
            }
        }
    }

    /** Mappings an add acknowledged that are not there, though no removal or deletion could have come after it. */
    static List<String> lostMappings(List<Operation> operations, Set<String> mappings) {
        List<String> lost = new ArrayList<>();
        for (Operation add : operations) {
            if (!add.route().equals(ADD_PRODUCTS) || !add.acknowledged()) {
                continue;
            }
            for (String product : add.products()) {
                boolean mayBeUndone = operations.stream().anyMatch(other -> other.couldFollow(add.start())
                        && ((other.route().equals(REMOVE_PRODUCTS) && other.id().equals(add.id())
                        && other.products().contains(product))
                        || (other.route().equals(DELETE_PRODUCT) && other.id().equals(product))
                        || (other.route().equals(DELETE_COLLECTION) && other.id().equals(add.id()))));
                if (!mayBeUndone && !mappings.contains("collection#" + add.id() + " -> product#" + product)) {
                    lost.add(add.id() + " -> " + product + ", acknowledged by " + add);
                }
            }
        }
        return lost;
    }

    /** The checks above can fail: a half mapping, one to a deleted entry, and a lost one are each found. */
    @Test
    void theChecks_findAHalfMapping_aDanglingOne_andALostOne() {
        Catalog broken = new Catalog(Set.of("product#p1", "collection#c1"), Set.of(), Set.of(
                "collection#c1 -> product#p1", "product#p2 -> collection#c1", "collection#c1 -> product#p2"));
        Response ok = new Response(200, Map.of(), "{\"success\":true}");
        Operation add = new Operation(ADD_PRODUCTS, "c1", List.of("p1"), 10, 20, ok);
        Operation laterRemoval = new Operation(REMOVE_PRODUCTS, "c1", List.of("p1"), 15, 30, ok);
        Operation earlierDeletion = new Operation(DELETE_PRODUCT, "p1", List.of(), 1, 5, ok);

        assertThat(broken.dangling()).containsExactlyInAnyOrder("collection#c1 -> product#p1 has no other direction",
                "product#p2 -> collection#c1 points at something deleted",
                "collection#c1 -> product#p2 points at something deleted");
        assertThat(lostMappings(List.of(add, earlierDeletion), Set.of())).singleElement().asString()
                .startsWith("c1 -> p1");
        assertThat(lostMappings(List.of(add, laterRemoval), Set.of())).isEmpty();
        assertThat(lostMappings(List.of(add), Set.of("collection#c1 -> product#p1"))).isEmpty();
    }

    private static String kindOf(Operation operation) {
        return operation.route().contains("product/") || operation.route().equals(UPSERT_PRODUCT) ? "product"
                : "collection";
    }

    /**
     * Every catalog item of the project: entries ("product#p1"), those marked as being deleted, and mappings
     * ("collection#c1 -> product#p1", one per direction).
     */
    record Catalog(Set<String> entries, Set<String> marked, Set<String> mappings) {
        /** Mappings without their other direction, or pointing at an entry that is not there. */
        List<String> dangling() {
            List<String> dangling = new ArrayList<>();
            for (String mapping : mappings) {
                String owner = mapping.substring(0, mapping.indexOf(" -> "));
                String other = mapping.substring(mapping.indexOf(" -> ") + 4);
                if (!mappings.contains(other + " -> " + owner)) {
                    dangling.add(mapping + " has no other direction");
                }
                if (!entries.contains(owner) || !entries.contains(other)) {
                    dangling.add(mapping + " points at something deleted");
                }
            }
            return dangling;
        }
    }

    private Catalog catalog() {
        Set<String> entries = new HashSet<>();
        Set<String> marked = new HashSet<>();
        Set<String> mappings = new HashSet<>();
        for (Map<String, AttributeValue> item : stored.catalogItems(project)) {
            String partition = item.get("pk").s().substring(project.length() + 1);
            String sortKey = item.get("sk").s();
            if (sortKey.equals("#item")) {
                entries.add(partition);
                if (item.containsKey("deleting")) {
                    marked.add(partition);
                }
            } else {
                mappings.add(partition + " -> " + sortKey);
            }
        }
        return new Catalog(entries, marked, mappings);
    }
}
