package dev.trackingapi.api;

import dev.trackingapi.validation.JsonPath;
import dev.trackingapi.validation.Problems;
import dev.trackingapi.validation.RequestValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorsTest {
    private static final JsonPath CURSOR = JsonPath.root().field("cursor");

    private static String read(String cursor, String project, String listing) {
        Problems problems = new Problems();
        String position = Cursors.position(cursor, project, listing, CURSOR, problems);
        if (position == null) {
            RequestValidationException refused = catchThrowableOfType(RequestValidationException.class,
                    problems::throwIfAny);
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.path()).containsExactly("cursor");
                assertThat(problem.type()).isEqualTo("cursor.invalid");
                assertThat(problem.message()).startsWith("cursor was not issued for this listing");
            });
        }
        return position;
    }

    @Test
    void aCursor_givesBackItsPosition_toTheListingThatIssuedIt() {
        String position = "p/ 1#é😀.";
        String cursor = Cursors.issue("shop", "collection/c1/products", position);

        assertThat(cursor).matches("[A-Za-z0-9_.-]+").doesNotContain(position);
        assertThat(read(cursor, "shop", "collection/c1/products")).isEqualTo(position);
    }

    @Test
    void aCursorOfAnotherListingOrProject_orAltered_isRefused() {
        String cursor = Cursors.issue("shop", "collection/c1/products", "p7");

        assertThat(read(cursor, "shop", "collection/c2/products")).isNull();
        assertThat(read(cursor, "other-shop", "collection/c1/products")).isNull();
        String forged = Cursors.issue("shop", "collection/c1/products", "p8").split("\\.")[0] + "."
                + cursor.split("\\.")[1];
        assertThat(read(forged, "shop", "collection/c1/products")).as("another position, the old binding").isNull();
        for (String garbage : new String[]{"", ".", "p7", "%%%.abc", "wg.AAAAAAAAAAAAAAAA", cursor + "x"}) {
            assertThat(read(garbage, "shop", "collection/c1/products")).as(garbage).isNull();
        }
    }
}
