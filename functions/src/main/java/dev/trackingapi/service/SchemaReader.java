package dev.trackingapi.service;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.EventSchema;
import dev.trackingapi.model.ProjectSchema;
import dev.trackingapi.model.TypeRegistration;
import dev.trackingapi.store.AttributeTypeStore;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registered types of a project, as the registry holds them: all of them in one Query of its by-project index,
 * or one event name's in one Query of its scope (more pages only past 1 MB of types, and never more than
 * {@link #MAX_TYPES_LISTED} types).
 */
public final class SchemaReader {
    /** How many types one answer lists at most (about 2 MB of JSON); it says when there are more. */
    public static final int MAX_TYPES_LISTED = 20_000;

    private final AttributeTypeStore registry;

    public SchemaReader(AttributeTypeStore registry) {
        this.registry = registry;
    }

    public ProjectSchema schema(String projectId) {
        AttributeTypeStore.Registrations registrations = registry.ofProject(projectId, MAX_TYPES_LISTED);
        String customerScope = AttributeScope.customer(projectId).id();
        Map<String, TypeRegistration> customer = new TreeMap<>();
        Map<String, Map<String, TypeRegistration>> events = new TreeMap<>();
        for (AttributeTypeStore.Registered registered : registrations.types()) {
            TypeRegistration registration = new TypeRegistration(registered.type(), registered.registeredAt());
            if (registered.scopeId().equals(customerScope)) {
                customer.put(registered.attributeName(), registration);
            } else {
                AttributeScope.eventNameOf(projectId, registered.scopeId()).ifPresent(name ->
                        events.computeIfAbsent(name, n -> new TreeMap<>()).put(registered.attributeName(), registration));
            }
        }
        return new ProjectSchema(customer, events, registrations.complete());
    }

    /** @return empty when no attribute of an event of that name was ever registered in the project */
    public Optional<EventSchema> event(String projectId, String eventName) {
        AttributeTypeStore.Registrations registrations = registry.ofScope(AttributeScope.event(projectId, eventName),
                MAX_TYPES_LISTED);
        if (registrations.types().isEmpty()) {
            return Optional.empty();
        }
        Map<String, TypeRegistration> attributes = new TreeMap<>();
        registrations.types().forEach(registered -> attributes.put(registered.attributeName(),
                new TypeRegistration(registered.type(), registered.registeredAt())));
        return Optional.of(new EventSchema(eventName, attributes, registrations.complete()));
    }
}
