package dev.trackingapi.validation;

import dev.trackingapi.model.Dates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormsTest {

    @ParameterizedTest
    @CsvSource({
            "2020-01-20 19:14:15, 2020-01-20T19:14:15.000Z",
            "2020-01-20, 2020-01-20T00:00:00.000Z",
            "2020-01-20T19:14:15Z, 2020-01-20T19:14:15.000Z",
            "2020-01-20T19:14Z, 2020-01-20T19:14:00.000Z",
            "2020-01-20T19:14:15.123+05:30, 2020-01-20T13:44:15.123Z",
            "2020-01-20T19:14:15.123456789-02:00, 2020-01-20T21:14:15.123Z",
            "2020-02-29, 2020-02-29T00:00:00.000Z",
            "0001-01-01, 0001-01-01T00:00:00.000Z",
            "9999-12-31 23:59:59, 9999-12-31T23:59:59.000Z"})
    void acceptedTextForms_areStoredAsUtcIsoToTheMillisecond(String text, String stored) {
        DateForms.Parsed parsed = DateForms.parseText(text);

        assertThat(parsed.problem()).isNull();
        assertThat(Dates.format(parsed.instant())).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-30", "2021-02-29", "2020-13-01", "2020-01-20 24:00:00", "2020-01-20 19:60:00",
            "2020-01-20T19:14:15+25:00"})
    void impossibleCalendarDates_areInvalid(String text) {
        assertThat(DateForms.parseText(text).problemType()).isEqualTo("date.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "0000-12-31 23:59:59", "0001-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00"})
    void datesOutsideYearsOneTo9999_areOutOfRange(String text) {
        assertThat(DateForms.parseText(text).problemType()).isEqualTo("date.range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "20/01/2020", "2020-1-20", "2020-01-20T19:14:15", "2020-01-20 19:14",
            "10000-01-01", "2020-01-20T19:14:15+0530", "2020-01-20t19:14:15z", "1579547655000", " 2020-01-20"})
    void otherTexts_areNotDates(String text) {
        assertThat(DateForms.parseText(text).problemType()).isEqualTo("date.format");
    }

    @ParameterizedTest
    @CsvSource({"1579547655000, 2020-01-20T19:14:15.000Z", "0, 1970-01-01T00:00:00.000Z",
            "-62135596800000, 0001-01-01T00:00:00.000Z", "253402300799999, 9999-12-31T23:59:59.999Z", "1.5E12, 2017-07-14T02:40:00.000Z"})
    void epochMilliseconds_areDates(String millis, String stored) {
        DateForms.Parsed parsed = DateForms.parseEpochMillis(new BigDecimal(millis));

        assertThat(Dates.format(parsed.instant())).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"-62135596800001, date.range", "253402300800000, date.range", "1579547655000.5, date.format"})
    void epochMillisecondsOutOfRangeOrFractional_areRefused(String millis, String problemType) {
        assertThat(DateForms.parseEpochMillis(new BigDecimal(millis)).problemType()).isEqualTo(problemType);
    }
}
