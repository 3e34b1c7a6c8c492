package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.service.EventTracker;

import java.time.Clock;

/** POST /track/event/v2 that takes its time first: a request surely in flight when the API is told to stop. */
public final class SlowTrackEventHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final long DELAY_MILLIS = 2_000;

    private final TrackEventV2Handler handler;

    public SlowTrackEventHandler(EventTracker tracker, Clock clock) {
        this.handler = new TrackEventV2Handler(tracker, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Thread.sleep(DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return handler.handleRequest(event, context);
    }
}
