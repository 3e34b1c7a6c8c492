package dev.trackingapi.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one form dates are stored in: ISO-8601 in UTC to the millisecond, e.g. 2020-01-20T19:14:15.000Z, which sorts as
 * text in time order; and the range of dates there are.
 */
public final class Dates {
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final DateTimeFormatter STORED_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String format(Instant instant) {
        return STORED_FORMAT.format(instant);
    }
}
