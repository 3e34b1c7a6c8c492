package dev.trackingapi.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The date forms the API accepts (growlytics-api.md, part 2, decision 5) and the one form it stores:
 * ISO-8601 in UTC to the millisecond, e.g. 2020-01-20T19:14:15.000Z, which sorts as text in time order.
 */
public final class Dates {
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");
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
    private static final DateTimeFormatter STORED_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Dates() {
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
        if (millis.signum() != 0 && millis.stripTrailingZeros().scale() > 0) {
            return Parsed.invalid("date.format", "must be whole epoch milliseconds when given as a number");
        }
        if (millis.compareTo(BigDecimal.valueOf(MIN.toEpochMilli())) < 0
                || millis.compareTo(BigDecimal.valueOf(MAX.toEpochMilli())) > 0) {
            return outOfRange();
        }
        return Parsed.ok(Instant.ofEpochMilli(millis.longValueExact()));
    }

    public static String format(Instant instant) {
        return STORED_FORMAT.format(instant);
    }

    private static Parsed inRange(Instant instant) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            return outOfRange();
        }
        return Parsed.ok(instant);
    }

    private static Parsed outOfRange() {
        return Parsed.invalid("date.range", "must be between 0001-01-01 and 9999-12-31 (UTC)");
    }
}
