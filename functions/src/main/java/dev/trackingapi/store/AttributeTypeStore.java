package dev.trackingapi.store;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;

import java.time.Instant;
import java.util.List;

/** The registry of first-seen attribute types. Registered types never change. */
public interface AttributeTypeStore {

    /**
     * Registers {@code type} for the attribute unless a type is already registered, atomically: under any concurrency
     * exactly one type wins.
     *
     * @return the registered type: {@code type} when this call won, otherwise the earlier winner's; and which it was
     */
    Registration registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type, Instant now);

    /**
     * @param type the attribute's registered type
     * @param won  whether this call registered it (rather than finding an earlier registration of any type)
     */
    record Registration(AttributeType type, boolean won) {
    }

    /**
     * Registered types of every project, at most {@code max} of them, in no particular order: for an execution
     * environment to learn them all at once before its SnapStart snapshot.
     */
    List<Registered> registered(int max);

    /** The types registered in one scope, at most {@code max} of them, by attribute name. */
    Registrations ofScope(AttributeScope scope, int max);

    /**
     * Every type registered in the project's scopes, at most {@code max} of them, without a Scan. The listing may lag
     * a registration by a moment (it is read from an index).
     */
    Registrations ofProject(String projectId, int max);

    /**
     * @param scopeId      the {@link AttributeScope#id()} the attribute belongs to
     * @param registeredAt when it was registered, the stored ISO form
     */
    record Registered(String scopeId, String attributeName, AttributeType type, String registeredAt) {
    }

    /** @param complete false when there are more than were listed */
    record Registrations(List<Registered> types, boolean complete) {
    }
}
