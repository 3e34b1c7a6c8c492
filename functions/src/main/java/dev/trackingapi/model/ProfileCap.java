package dev.trackingapi.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cap on custom attributes of a profile: attributes the profile already has are always updated; new ones are
 * admitted in request order while there is room, and the rest are ignored and reported.
 */
public final class ProfileCap {
    private ProfileCap() {
    }

    public record Admission(List<Attribute> admitted, List<Attribute> overCap) {
    }

    public static Admission admit(Set<String> existingNames, List<Attribute> requested, int cap) {
        List<Attribute> admitted = new ArrayList<>(requested.size());
        List<Attribute> overCap = new ArrayList<>();
        int room = cap - existingNames.size();
        for (Attribute attribute : requested) {
            if (existingNames.contains(attribute.name())) {
                admitted.add(attribute);
            } else if (room > 0) {
                admitted.add(attribute);
                room--;
            } else {
                overCap.add(attribute);
            }
        }
        return new Admission(admitted, overCap);
    }
}
