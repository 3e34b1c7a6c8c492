package dev.trackingapi.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do. A key that a store's backend uses to send events must not, by default, be able to read
 * every customer's email and mobile number: a key created without scopes, and every key stored before scopes
 * existed, may only track.
 */
public enum Scope {
    /** The POST tracking routes (and the catalog's writes). */
    TRACK,
    /** The GET routes: customers, events, the schema. */
    READ,
    /** Erasing a customer. */
    ERASE;

    /** What a key has when it names no scopes. */
    public static final Set<Scope> DEFAULT = Set.copyOf(EnumSet.of(TRACK));
    public static final Set<Scope> ALL = Set.copyOf(EnumSet.allOf(Scope.class));

    /** The name keys and the authorizer's context use: "track", "read", "erase". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst();
    }

    /** "track,read", in the enum's order, as the authorizer's context carries them. */
    public static String join(Collection<Scope> scopes) {
        return scopes.stream().sorted().distinct().map(Scope::wireName).collect(Collectors.joining(","));
    }

    /**
     * Reads "track,read"; an unknown name is skipped, so that a key stored by a later version with a scope this one
     * does not know still has the scopes this one does.
     */
    public static Set<Scope> parse(String names) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names.split(",")) {
            fromWireName(name.trim()).ifPresent(scopes::add);
        }
        return Set.copyOf(scopes);
    }
}
