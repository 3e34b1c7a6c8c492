package dev.trackingapi.priming;

/**
 * The catalog's routes, one function each: what a catalog function's priming rehearses
 * ({@link PrimingSamples#catalogRequest}) and which harmless DynamoDB request warms it up
 * ({@link WarmUpRequests#catalogFunction}).
 */
public enum CatalogRoute {
    UPSERT_PRODUCT,
    DELETE_PRODUCT,
    GET_PRODUCT,
    UPSERT_COLLECTION,
    DELETE_COLLECTION,
    ADD_PRODUCTS,
    REMOVE_PRODUCTS,
    LIST_PRODUCTS
}
