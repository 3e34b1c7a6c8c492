package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.dynamodb.ApiKeysTable;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.testing.TestDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda authorizer against the API keys table in DynamoDB Local. */
class AuthorizerIT {
    private final DynamoDbApiKeyStore store = new DynamoDbApiKeyStore(TestDynamoDb.client(), TestDynamoDb.tables().apiKeys());
    private final ApiKeyAuthorizerHandler authorizer =
            new ApiKeyAuthorizerHandler(new ApiKeyAuthenticator(store, Clock.systemUTC(), Duration.ZERO));
    private final List<String> logLines = new ArrayList<>();
    private final Context context = context(logLines);

    private String newKey(String projectId) {
        return newKey(projectId, Scope.DEFAULT);
    }

    private String newKey(String projectId, Set<Scope> scopes) {
        String key = ApiKeys.generate(new SecureRandom());
        store.createIfAbsent(new ApiKeyRecord(ApiKeys.hash(key), projectId, scopes, "test", Instant.now(), false,
                null));
        return key;
    }

    private static APIGatewayV2CustomAuthorizerEvent request(String keyOrNull) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (keyOrNull != null) {
            headers.put("x-growlytics-key", keyOrNull);
        }
        return APIGatewayV2CustomAuthorizerEvent.builder()
                .withVersion("2.0")
                .withType("REQUEST")
                .withRouteKey("POST /track/event/v2")
                .withHeaders(headers)
                .withIdentitySource(keyOrNull == null ? null : List.of(keyOrNull))
                .build();
    }

    @Test
    void aValidKey_isAllowedWithItsProjectId() {
        String key = newKey("store-1");

        assertThat(authorizer.handleRequest(request(key), context))
                .isEqualTo(Map.of("isAuthorized", true, "context", Map.of("projectId", "store-1", "scopes", "track")));
    }

    @Test
    void theKeysScopes_areInTheContext_andAKeyStoredBeforeScopesExisted_mayOnlyTrack() {
        String reader = newKey("store-1", Set.of(Scope.READ, Scope.TRACK));
        String older = ApiKeys.generate(new SecureRandom());
        TestDynamoDb.client().putItem(put -> put.tableName(TestDynamoDb.tables().apiKeys()).item(Map.of(
                ApiKeysTable.KEY_HASH, AttributeValue.fromS(ApiKeys.hash(older)),
                ApiKeysTable.PROJECT_ID, AttributeValue.fromS("store-1"),
                ApiKeysTable.CREATED_AT, AttributeValue.fromS("2026-11-01T00:00:00.000Z"),
                ApiKeysTable.REVOKED, AttributeValue.fromBool(false))));

        assertThat(authorizer.handleRequest(request(reader), context)).extracting(answer -> answer.get("context"))
                .isEqualTo(Map.of("projectId", "store-1", "scopes", "track,read"));
        assertThat(authorizer.handleRequest(request(older), context)).extracting(answer -> answer.get("context"))
                .isEqualTo(Map.of("projectId", "store-1", "scopes", "track"));
    }

    @Test
    void unknownEmptyMissingRevokedAndMalformedKeys_areDenied() {
        String revoked = newKey("store-1");
        store.revoke(ApiKeys.hash(revoked), Instant.now());

        for (String key : new String[]{"gtk_unknown", "", null, revoked, "k".repeat(100_000), "gtk_clé", "gtk_\u0000"}) {
            assertThat(authorizer.handleRequest(request(key), context)).as("key %s", key)
                    .isEqualTo(Map.of("isAuthorized", false));
        }
    }

    @Test
    void noPlaintextKey_isStoredOrLogged() {
        String allowed = newKey("store-2");
        String revoked = newKey("store-2");
        store.revoke(ApiKeys.hash(revoked), Instant.now());

        authorizer.handleRequest(request(allowed), context);
        authorizer.handleRequest(request(revoked), context);
        authorizer.handleRequest(request(allowed + "x"), context);

        List<Map<String, AttributeValue>> items = new ArrayList<>();
        TestDynamoDb.client().scanPaginator(scan -> scan.tableName(TestDynamoDb.tables().apiKeys())).items()
                .forEach(items::add);
        assertThat(items).isNotEmpty();
        for (Map<String, AttributeValue> item : items) {
            assertThat(item.toString()).doesNotContain(allowed).doesNotContain(revoked)
                    .doesNotContain(allowed.substring(ApiKeys.PREFIX.length(), 20));
        }
        assertThat(logLines).hasSize(2);
        assertThat(String.join("\n", logLines)).doesNotContain(allowed.substring(ApiKeys.PREFIX.length(), 12))
                .doesNotContain(revoked.substring(ApiKeys.PREFIX.length(), 12))
                .contains("key id " + ApiKeyRecord.keyIdOf(ApiKeys.hash(revoked)));
    }

    static Context context(List<String> logLines) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                logLines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        return (Context) Proxy.newProxyInstance(AuthorizerIT.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> method.getName().equals("getLogger") ? logger : null);
    }
}
