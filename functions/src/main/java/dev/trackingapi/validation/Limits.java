package dev.trackingapi.validation;

/** The limits of the API: the vendor's documented ones, and this project's where the docs are silent. */
public final class Limits {
    public static final int MAX_NAME_LENGTH = 49;
    public static final int MAX_CUSTOMER_ID_LENGTH = 256;
    public static final int MAX_EVENT_ID_LENGTH = 128;
    public static final int MAX_ATTRIBUTES_PER_EVENT = 50;
    public static final int MAX_CUSTOM_ATTRIBUTES_TRACK_USER = 50;
    public static final int MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER = 100;
    /** A single customer request may carry more attributes than the profile cap (the excess is ignored and reported), but not without bound. */
    public static final int MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST = 200;
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** DynamoDB stores 32 levels of nesting; the item and the attributes map it sits in take two of them. */
    public static final int MAX_CUSTOM_DEPTH = 30;
    public static final int MAX_NUMBER_DIGITS = 38;

    /** The catalog's limits: the vendor's documented ones ("Syncing Products"), and ours for what it leaves open. */
    public static final int MAX_CATALOG_ID_LENGTH = 50;
    public static final int MAX_CATALOG_NAME_LENGTH = 2000;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_URL_LENGTH = 1000;
    public static final int MAX_VENDOR_LENGTH = 1000;
    public static final int MAX_PRODUCTS_PER_MAPPING_REQUEST = 1000;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 100;

    private Limits() {
    }
}
