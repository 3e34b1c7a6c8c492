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
    /** Items of one POST /track/batch. */
    public static final int MAX_BATCH_ITEMS = 1_000;
    /**
     * The body of a batch. Lambda takes at most 6,291,456 bytes per synchronous invocation, and API Gateway sends the
     * body inside its event as a JSON string, where every quote and backslash doubles and the runtime's serializer
     * writes a character outside the BMP (an emoji, 4 bytes of UTF-8) as two \\uXXXX escapes (12 bytes): at worst the
     * body takes three times its size. 2,000,000 bytes leave 291,456 bytes for the rest of the event
     * (LambdaPayloadLimitTest measures it); 4 MB would not fit.
     */
    public static final int MAX_BATCH_BODY_BYTES = 2_000_000;
    /** One item of a batch: what one request of the single routes may carry, as compact JSON. */
    public static final int MAX_BATCH_ITEM_BYTES = MAX_BODY_BYTES;
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
