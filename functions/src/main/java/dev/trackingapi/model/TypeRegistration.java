package dev.trackingapi.model;

/** A first-seen type and when it was registered (the stored ISO form). */
public record TypeRegistration(AttributeType type, String registeredAt) {
}
