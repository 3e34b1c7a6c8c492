package dev.trackingapi.model;

import java.util.List;
import java.util.Map;

/**
 * A customer as read back: the profile's typed attributes (reserved ones as strings) and the values kept beside it
 * because they were not applied.
 *
 * @param createdAt   the stored ISO form
 * @param moreIgnored true when more values were kept than {@code ignored} lists
 */
public record CustomerProfile(String customerId, String createdAt, String updatedAt, Map<String, TypedValue> attributes,
                              List<KeptValue> ignored, boolean moreIgnored) {
}
