package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context of rehearsed requests: what they log (a refused key, say) goes nowhere. */
final class PrimingContext implements Context {
    static final Context SILENT = new PrimingContext();

    private static final LambdaLogger NOWHERE = new LambdaLogger() {
        @Override
        public void log(String message) {
            // Rehearsed requests are not requests.
        }

        @Override
        public void log(byte[] message) {
            // Rehearsed requests are not requests.
        }
    };

    private PrimingContext() {
    }

    @Override
    public String getAwsRequestId() {
        return "snapstart-priming";
    }

    @Override
    public String getLogGroupName() {
        return null;
    }

    @Override
    public String getLogStreamName() {
        return null;
    }

    @Override
    public String getFunctionName() {
        return null;
    }

    @Override
    public String getFunctionVersion() {
        return null;
    }

    @Override
    public String getInvokedFunctionArn() {
        return null;
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
        return Integer.MAX_VALUE;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 0;
    }

    @Override
    public LambdaLogger getLogger() {
        return NOWHERE;
    }
}
