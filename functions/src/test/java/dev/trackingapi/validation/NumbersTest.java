package dev.trackingapi.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.000", "732.23", "12345678901234567890123456789012345678",
            "1234567890123456789012345678901234567800000", "1.234567890123456789012345678901234567E+30", "1E+125",
            "9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130", "0.1"})
    void numbersDynamoDbStoresExactly_areAccepted(String number) {
        assertThat(Numbers.problemWith(new BigDecimal(number))).isNull();
    }

    @Test
    void thirtyNineSignificantDigits_areRefused() {
        assertThat(Numbers.problemWith(new BigDecimal("123456789012345678901234567890123456789")))
                .contains("39 significant digits");
    }

    @Test
    void fourHundredDigits_areRefused() {
        assertThat(Numbers.problemWith(new BigDecimal("7".repeat(400)))).contains("400 significant digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+126", "-1E+126", "1E+400"})
    void magnitudesFromOneE126_areTooLarge(String number) {
        assertThat(Numbers.problemWith(new BigDecimal(number))).contains("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-131", "-1E-200"})
    void nonZeroMagnitudesBelowOneEMinus130_areTooSmall(String number) {
        assertThat(Numbers.problemWith(new BigDecimal(number))).contains("too small");
    }

    @ParameterizedTest
    @ValueSource(strings = {"732.23", "-1", "0", "1e5", "1.5E-3"})
    void textWrittenAsAJsonNumber_isReadExactly(String text) {
        assertThat(Numbers.parseDecimalText(text)).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "+1", "01", "1.", ".5", "0x10", "NaN", "Infinity", "1,5", "five"})
    void otherText_isNotANumber(String text) {
        assertThat(Numbers.parseDecimalText(text)).isNull();
    }
}
