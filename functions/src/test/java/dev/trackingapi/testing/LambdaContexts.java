package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/** Lambda contexts for handlers under test: how much time the invocation has left, and a logger that keeps quiet. */
public final class LambdaContexts {
    private LambdaContexts() {
    }

    /** An invocation with this much of its time left, counted from now. */
    public static Context withRemaining(Duration remaining) {
        return withRemaining(remaining, message -> { });
    }

    /** The same, and what the handler logs through the context's logger goes to {@code logged}. */
    public static Context withRemaining(Duration remaining, Consumer<String> logged) {
        long deadline = System.currentTimeMillis() + remaining.toMillis();
        String requestId = UUID.randomUUID().toString();
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "test";
            }

            @Override
            public String getLogStreamName() {
                return "test";
            }

            @Override
            public String getFunctionName() {
                return "test";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:test";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return (int) Math.max(0, deadline - System.currentTimeMillis());
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        logged.accept(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        logged.accept(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
