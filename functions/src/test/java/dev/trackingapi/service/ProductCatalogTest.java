package dev.trackingapi.service;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Deadline;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductStatus;
import dev.trackingapi.testing.InMemoryCatalogStore;
import dev.trackingapi.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's deletion protocol: mark, remove mappings a round at a time until the deadline, resume, finish. */
class ProductCatalogTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PROJECT = "p";

    private final InMemoryCatalogStore store = new InMemoryCatalogStore(10);
    private final ProductCatalog catalog = new ProductCatalog(store);

    static Product product(String id) {
        return new Product(id, "Mixer", "https://e.com/m.png", "https://e.com/m", new BigDecimal("12.20"),
                ProductStatus.IN_STOCK, null, null, null);
    }

    /** A deadline that passes after it has been asked {@code checks} times. */
    static Deadline passingAfter(int checks) {
        return Deadline.at(NOW.plusSeconds(checks), TestClock.ticking(NOW, Duration.ofSeconds(1)));
    }

    private void productInCollections(String productId, int collections) {
        catalog.upsertProduct(PROJECT, product(productId), NOW, Deadline.none());
        for (int c = 0; c < collections; c++) {
            catalog.upsertCollection(PROJECT, new ProductCollection("c" + c, "C", null, null, null), NOW,
                    Deadline.none());
            assertThat(catalog.addProducts(PROJECT, "c" + c, List.of(productId), NOW).isApplied()).isTrue();
        }
    }

    @Test
    void aDeletionThatRunsOutOfTime_isMarked_andTheNextOneResumesWhereItStopped() {
        productInCollections("p1", 35);

        boolean first = catalog.delete(CatalogKind.PRODUCT, PROJECT, "p1", NOW, passingAfter(2));

        assertThat(first).isFalse();
        assertThat(store.isMarked(CatalogKind.PRODUCT, PROJECT, "p1")).isTrue();
        assertThat(store.mappingCount(PROJECT)).as("two rounds of 10 mappings removed, both directions")
                .isEqualTo(2 * (35 - 20));
        assertThat(catalog.product(PROJECT, "p1")).as("it reads as deleted").isEmpty();
        assertThat(catalog.addProducts(PROJECT, "c0", List.of("p1"), NOW).missingProducts()).containsExactly("p1");

        assertThat(catalog.delete(CatalogKind.PRODUCT, PROJECT, "p1", NOW, Deadline.none())).isTrue();
        assertThat(store.mappingCount(PROJECT)).isZero();
        assertThat(store.isMarked(CatalogKind.PRODUCT, PROJECT, "p1")).isFalse();
    }

    @Test
    void deletingWhatIsNotThere_isDone_andWritesNothing() {
        assertThat(catalog.delete(CatalogKind.COLLECTION, PROJECT, "nothing", NOW, passingAfter(0))).isTrue();
        assertThat(store.writes()).isZero();
    }

    @Test
    void anUpsertThatMeetsADeletion_finishesIt_thenWritesTheNewEntry() {
        productInCollections("p1", 25);
        catalog.delete(CatalogKind.PRODUCT, PROJECT, "p1", NOW, passingAfter(1));

        catalog.upsertProduct(PROJECT, product("p1"), NOW, Deadline.none());

        assertThat(catalog.product(PROJECT, "p1")).hasValueSatisfying(details ->
                assertThat(details.collectionIds()).isEmpty());
        assertThat(store.mappingCount(PROJECT)).isZero();
    }

    @Test
    void anUpsertThatCannotFinishADeletionInTime_saysSo_andWritesNothingOfItsOwn() {
        productInCollections("p1", 25);
        catalog.delete(CatalogKind.PRODUCT, PROJECT, "p1", NOW, passingAfter(0));
        int writes = store.writes();

        assertThatThrownBy(() -> catalog.upsertProduct(PROJECT, product("p1"), NOW, passingAfter(1)))
                .isInstanceOf(EntryBeingDeletedException.class)
                .hasMessageContaining("product \"p1\" is still being deleted").hasMessageContaining("retry");
        assertThat(store.isMarked(CatalogKind.PRODUCT, PROJECT, "p1")).isTrue();
        assertThat(store.writes()).as("only the one round of removals").isEqualTo(writes + 1);
    }

    @Test
    void aDeletionFinishedByAnotherCall_isFinishedForThisOneToo() {
        productInCollections("p1", 5);
        catalog.delete(CatalogKind.PRODUCT, PROJECT, "p1", NOW, passingAfter(0));
        catalog.upsertProduct(PROJECT, product("p1"), NOW, Deadline.none());
        catalog.addProducts(PROJECT, "c0", List.of("p1"), NOW);

        assertThat(store.removeSomeMappings(CatalogKind.PRODUCT, PROJECT, "p1", "the first deletion's mark"))
                .as("the old deletion must not touch the new product's mapping").isEqualTo(-1);
        assertThat(catalog.product(PROJECT, "p1").orElseThrow().collectionIds()).containsExactly("c0");
    }

    @Test
    void aProductNamedTwiceInOneRequest_isMappedOnce() {
        productInCollections("p1", 1);

        assertThat(catalog.addProducts(PROJECT, "c0", List.of("p1", "p1", "p1"), NOW).isApplied()).isTrue();
        catalog.removeProducts(PROJECT, "c0", List.of("p1", "p1"));

        assertThat(store.mappingCount(PROJECT)).isZero();
    }
}
