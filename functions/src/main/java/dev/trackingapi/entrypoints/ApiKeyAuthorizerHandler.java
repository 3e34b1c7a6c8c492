package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.LambdaEnvironment;
import dev.trackingapi.config.Wiring;
import dev.trackingapi.http.Log;
import dev.trackingapi.store.dynamodb.DynamoDbClients;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's Lambda REQUEST authorizer (payload 2.0, simple responses): the x-growlytics-key header in, the
 * project id out in the context, where the handlers read it (and only there). Keys are never logged.
 */
public final class ApiKeyAuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
    public static final String KEY_HEADER = "x-growlytics-key";
    private static final Map<String, Object> DENY = Map.of("isAuthorized", false);

    private final ApiKeyAuthenticator authenticator;
    private final SnapStartPriming priming;

    public ApiKeyAuthorizerHandler() {
        this.authenticator = Wiring.authenticator(LambdaEnvironment.dynamoDb(), LambdaEnvironment.variables(),
                Clock.systemUTC());
        String table = LambdaEnvironment.variables().required(EnvironmentVariables.API_KEYS_TABLE);
        ApiKeyAuthenticator uncached = Wiring.authenticator(LambdaEnvironment.dynamoDb(), table, Clock.systemUTC(),
                Duration.ZERO);
        this.priming = SnapStartPriming.register(() -> {
            ApiKeyAuthenticator rehearsal = Wiring.authenticator(
                    DynamoDbClients.rehearsal(LambdaEnvironment.variables()), table, Clock.systemUTC(), Duration.ZERO);
            for (int i = 0; i < SnapStartPriming.REHEARSED_REQUESTS; i++) {
                String key = ApiKeys.PREFIX + "priming-" + i;
                rehearsal.projectFor(key);
                describe(key);
            }
        }, () -> uncached.projectFor(ApiKeys.PREFIX + "warm-up"));
    }

    public ApiKeyAuthorizerHandler(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
        this.priming = null;
    }

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        String key = presentedKey(event);
        Optional<String> projectId = authenticator.projectFor(key);
        if (projectId.isEmpty()) {
            Log.warn(context, "API key refused: " + describe(key));
            return DENY;
        }
        return Map.of("isAuthorized", true, "context", Map.of(TrackingEndpoint.PROJECT_ID_CONTEXT_KEY, projectId.get()));
    }

    /** Names a refused key for the log without revealing it: only the first characters of its hash. */
    static String describe(String key) {
        if (key == null || key.isEmpty()) {
            return "no key";
        }
        if (!ApiKeys.isPlausible(key)) {
            return "malformed key (" + key.length() + " characters)";
        }
        return "unknown or revoked key, key id " + ApiKeys.keyIdOfHash(ApiKeys.hash(key));
    }

    /** HTTP API lower-cases header names in payload 2.0; the identity source carries the same value. */
    static String presentedKey(APIGatewayV2CustomAuthorizerEvent event) {
        if (event == null) {
            return null;
        }
        Map<String, String> headers = event.getHeaders();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (KEY_HEADER.equalsIgnoreCase(header.getKey())) {
                    return header.getValue();
                }
            }
        }
        List<String> identitySource = event.getIdentitySource();
        return identitySource == null || identitySource.isEmpty() ? null : identitySource.get(0);
    }

    SnapStartPriming priming() {
        return priming;
    }
}
