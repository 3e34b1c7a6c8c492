package dev.trackingapi.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The idempotency key of an event: the client's eventId when it sends one, otherwise a hash of the event's content
 * (project, customer, name, time and attributes in canonical form: sorted by name, types normalised, numbers without
 * trailing zeros), so that a retried request, in either attribute form and in any attribute order, is the same event.
 */
public final class EventKeys {
    private static final int KEY_BYTES = 16;
    private static final char SEPARATOR = '\u0000';

    private EventKeys() {
    }

    public static String of(String projectId, EventRequest event, long timeMillis) {
        StringBuilder canonical = new StringBuilder(256);
        if (event.eventId() != null) {
            canonical.append("eventId").append(SEPARATOR).append(projectId).append(SEPARATOR)
                    .append(event.customerId()).append(SEPARATOR).append(event.eventId());
        } else {
            canonical.append("content").append(SEPARATOR).append(projectId).append(SEPARATOR)
                    .append(event.customerId()).append(SEPARATOR).append(event.name()).append(SEPARATOR)
                    .append(timeMillis);
            List<Attribute> sorted = new ArrayList<>(event.attributes());
            sorted.sort(Comparator.comparing(Attribute::name));
            for (Attribute attribute : sorted) {
                canonical.append(SEPARATOR).append(attribute.name()).append(SEPARATOR)
                        .append(attribute.type().wireName()).append(SEPARATOR);
                CanonicalJson.append(attribute.value(), canonical);
            }
        }
        return Digests.sha256Base64Url(canonical.toString(), KEY_BYTES);
    }
}
