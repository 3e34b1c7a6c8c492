package dev.trackingapi.store.dynamodb;

/**
 * The API keys table: partition key {@code keyHash}, the SHA-256 of the key (the key itself is never stored); the
 * index {@code byProject} (projectId, createdAt) lists a project's keys.
 */
public final class ApiKeysTable {
    public static final String KEY_HASH = "keyHash";
    public static final String PROJECT_ID = "projectId";
    /** A string set of scope names; absent on keys stored before scopes existed, which may only track. */
    public static final String SCOPES = "scopes";
    public static final String LABEL = "label";
    public static final String CREATED_AT = "createdAt";
    public static final String REVOKED = "revoked";
    public static final String REVOKED_AT = "revokedAt";
    public static final String BY_PROJECT_INDEX = "byProject";

    private ApiKeysTable() {
    }
}
