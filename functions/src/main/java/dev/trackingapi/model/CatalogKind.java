package dev.trackingapi.model;

/** The two kinds of catalog entries; a mapping joins one of each, in both directions. */
public enum CatalogKind {
    PRODUCT("product"),
    COLLECTION("collection");

    private final String wireName;

    CatalogKind(String wireName) {
        this.wireName = wireName;
    }

    /** "product", "collection": as keys and messages name the kind. */
    public String wireName() {
        return wireName;
    }

    /** The kind a mapping joins this one to. */
    public CatalogKind other() {
        return this == PRODUCT ? COLLECTION : PRODUCT;
    }
}
