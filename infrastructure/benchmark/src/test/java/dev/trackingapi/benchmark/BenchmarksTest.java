package dev.trackingapi.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** run.sh --figures: which figures to run, and a one-line refusal of anything else. */
class BenchmarksTest {

    @Test
    void aListOfFigures_isThoseFigures() {
        assertThat(Benchmarks.figures("4, 3")).containsExactly(3, 4);
        assertThat(Benchmarks.figures("1,2,3,4,5,6,7,8,9,10")).hasSize(10);
    }

    @Test
    void aFigureThatDoesNotExist_orIsNotANumber_isRefusedByName() {
        assertThatThrownBy(() -> Benchmarks.figures("3,11")).hasMessage(
                "--figures takes numbers from 1 to 10, comma-separated, not: 3,11");
        assertThatThrownBy(() -> Benchmarks.figures("three")).hasMessageContaining("not: three");
        assertThatThrownBy(() -> Benchmarks.figures("")).hasMessageContaining("not: ");
    }
}
