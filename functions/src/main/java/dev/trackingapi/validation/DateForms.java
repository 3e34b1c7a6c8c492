package dev.trackingapi.validation;

import dev.trackingapi.model.Dates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** The date forms the API accepts, read into an instant to the millisecond (stored as {@link Dates#format}). */
final class DateForms {
    public static final String ACCEPTED_FORMS =
            "YYYY-MM-DD HH:mm:ss (UTC), YYYY-MM-DD, ISO-8601 with an offset or Z, or epoch milliseconds as a number";

    private static final Pattern SPACE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DAY_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_FORM =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter SPACE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private DateForms() {
    }

    /** The outcome of reading a date: the instant, or why it is not one. */
    public record Parsed(Instant instant, String problem, String problemType) {
        static Parsed ok(Instant instant) {
            return new Parsed(instant, null, null);
        }

        static Parsed invalid(String type, String problem) {
            return new Parsed(null, problem, type);
        }
    }

    public static Parsed parseText(String text) {
        try {
            Instant instant;
            if (SPACE_FORM.matcher(text).matches()) {
                instant = LocalDateTime.parse(text, SPACE_FORMAT).toInstant(ZoneOffset.UTC);
            } else if (DAY_FORM.matcher(text).matches()) {
                instant = LocalDate.parse(text, DAY_FORMAT).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (ISO_FORM.matcher(text).matches()) {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } else {
                return Parsed.invalid("date.format", "must be a date: " + ACCEPTED_FORMS);
            }
            return inRange(instant.truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeException e) {
            return Parsed.invalid("date.invalid", "is not a real calendar date or time");
        }
    }

    public static Parsed parseEpochMillis(BigDecimal millis) {
        if (!Numbers.isWhole(millis)) {
            return Parsed.invalid("date.format", "must be whole epoch milliseconds when given as a number");
        }
        if (millis.compareTo(BigDecimal.valueOf(Dates.MIN.toEpochMilli())) < 0
                || millis.compareTo(BigDecimal.valueOf(Dates.MAX.toEpochMilli())) > 0) {
            return outOfRange();
        }
        return Parsed.ok(Instant.ofEpochMilli(millis.longValueExact()));
    }

    private static Parsed inRange(Instant instant) {
        if (instant.isBefore(Dates.MIN) || instant.isAfter(Dates.MAX)) {
            return outOfRange();
        }
        return Parsed.ok(instant);
    }

    private static Parsed outOfRange() {
        return Parsed.invalid("date.range", "must be between 0001-01-01 and 9999-12-31 (UTC)");
    }
}
