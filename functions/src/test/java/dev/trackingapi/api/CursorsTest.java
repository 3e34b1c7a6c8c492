package dev.trackingapi.api;

import dev.trackingapi.validation.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {
    private static final List<String> SCOPE = Arrays.asList("events", "shop", "customer #1", "0", "99", null);

    @Test
    void aCursor_givesBackItsPosition_inTheScopeItWasIssuedFor() {
        String cursor = Cursors.issue("000001579547655000#abc", SCOPE);

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("1579547655000");
        assertThat(Cursors.read(cursor, "cursor", SCOPE)).isEqualTo("000001579547655000#abc");
    }

    @Test
    void aCursor_ofAnotherCustomer_project_orFilters_isRefusedAsAMismatch() {
        String cursor = Cursors.issue("p", SCOPE);

        for (List<String> other : List.of(Arrays.asList("events", "shop", "customer #2", "0", "99", null),
                Arrays.asList("events", "shop2", "customer #1", "0", "99", null),
                Arrays.asList("events", "shop", "customer #1", "0", "99", "Add To Cart"),
                Arrays.asList("events", "shop", "customer #1", "0", "99", ""),
                Arrays.asList("products", "shop", "customer #1", "0", "99", null))) {
            assertThatThrownBy(() -> Cursors.read(cursor, "cursor", other)).as(other.toString())
                    .isInstanceOfSatisfying(RequestValidationException.class, e -> {
                        assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.path()).containsExactly("cursor");
                            assertThat(problem.type()).isEqualTo("cursor.mismatch");
                        });
                    });
        }
    }

    @Test
    void partsThatRunTogether_areStillDifferentScopes() {
        String cursor = Cursors.issue("p", List.of("ab", "c"));

        assertThatThrownBy(() -> Cursors.read(cursor, "cursor", List.of("a", "bc")))
                .isInstanceOf(RequestValidationException.class);
    }

    @Test
    void whatIsNoCursor_isRefusedAsInvalid() {
        byte[] tooShort = new byte[]{1, 2, 3};
        String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[20]);
        for (String notACursor : List.of("", "%%%", "not a cursor", Base64.getUrlEncoder().encodeToString(tooShort),
                otherVersion, "A".repeat(Cursors.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> Cursors.read(notACursor, "cursor", SCOPE)).as(notACursor)
                    .isInstanceOfSatisfying(RequestValidationException.class, e ->
                            assertThat(e.problems().get(0).type()).isEqualTo("cursor.invalid"));
        }
    }
}
