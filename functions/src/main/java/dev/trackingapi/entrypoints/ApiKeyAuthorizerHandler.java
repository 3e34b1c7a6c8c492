package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.auth.Access;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.log.Log;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.metrics.Metrics;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's Lambda REQUEST authorizer (payload 2.0, simple responses): the x-growlytics-key header in, the
 * project id and the key's scopes out in the context, where the handlers read them (and only there). Keys are never
 * logged. A refused key is counted in the metrics (KeysRefused) with the route the call was for.
 */
public final class ApiKeyAuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
    private static final Map<String, Object> DENY = Map.of("isAuthorized", false);

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyAuthorizerHandler() {
        this(LambdaEnvironment.authenticator());
        LambdaEnvironment.primeAuthorizer(this);
    }

    public ApiKeyAuthorizerHandler(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        String key = presentedKey(event);
        // An unreadable key table throws: API Gateway answers 500 and Lambda counts an error (AuthorizerErrorsAlarm).
        // StorageUnavailable counts only requests answered 503, so that the 5xx alarm can tell them apart.
        Optional<Access> access = authenticator.accessFor(key);
        if (access.isEmpty()) {
            Log.warn(context, "API key refused: " + describe(key));
            InvocationMetrics metrics = new InvocationMetrics();
            metrics.keyRefused();
            emit(event, context, metrics);
            return DENY;
        }
        return Map.of("isAuthorized", true, "context", Map.of(ApiRequest.PROJECT_ID, access.get().projectId(),
                ApiRequest.SCOPES, Scope.join(access.get().scopes())));
    }

    private void emit(APIGatewayV2CustomAuthorizerEvent event, Context context, InvocationMetrics metrics) {
        Metrics.emit(event == null ? null : event.getRouteKey(), null,
                context == null ? null : context.getAwsRequestId(), System.currentTimeMillis(), metrics);
    }

    /** Names a refused key for the log without revealing it: only the first characters of its hash. */
    static String describe(String key) {
        if (key == null || key.isEmpty()) {
            return "no key";
        }
        if (!ApiKeys.isPlausible(key)) {
            return "malformed key (" + key.length() + " characters)";
        }
        return "unknown or revoked key, key id " + ApiKeyRecord.keyIdOf(ApiKeys.hash(key));
    }

    /** HTTP API lower-cases header names in payload 2.0; the identity source carries the same value. */
    static String presentedKey(APIGatewayV2CustomAuthorizerEvent event) {
        if (event == null) {
            return null;
        }
        Map<String, String> headers = event.getHeaders();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (ApiKeys.HEADER.equalsIgnoreCase(header.getKey())) {
                    return header.getValue();
                }
            }
        }
        List<String> identitySource = event.getIdentitySource();
        return identitySource == null || identitySource.isEmpty() ? null : identitySource.get(0);
    }
}
