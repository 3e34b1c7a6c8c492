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

    private Limits() {
    }
}
