package dev.trackingapi.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeSetTest {

    @Test
    void linesAddedInAnyOrder_mergeIntoRanges() {
        RangeSet set = new RangeSet();
        for (long line : new long[]{5, 3, 4, 10, 1, 11, 2, 4}) {
            set.add(line);
        }

        assertThat(set.ranges()).containsExactly(new long[]{1, 5}, new long[]{10, 11});
        assertThat(set.size()).isEqualTo(7);
        assertThat(set.contains(5)).isTrue();
        assertThat(set.contains(6)).isFalse();
        assertThat(RangeSet.of(set.ranges()).ranges()).containsExactly(new long[]{1, 5}, new long[]{10, 11});
    }

    @Test
    void savedRangesThatOverlap_areNotACheckpoint() {
        assertThatThrownBy(() -> RangeSet.of(List.of(new long[]{1, 5}, new long[]{4, 8})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
