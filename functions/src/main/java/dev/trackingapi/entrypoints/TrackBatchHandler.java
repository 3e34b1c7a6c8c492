package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.api.BatchItemResult;
import dev.trackingapi.log.Log;
import dev.trackingapi.model.BatchItem;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.validation.BatchRequestReader.BatchRequest;
import dev.trackingapi.validation.BatchRequestReader.Entry;
import dev.trackingapi.validation.BatchRequestReader;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.wiring.LambdaEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /track/batch: up to 1,000 events and customers in one request, each item read and tracked by the rules of its
 * single route (an event as /track/event/v2, a customer as /track/user, with its cap of 50 custom attributes), with
 * one result per item: stored, rejected with its problems, or unavailable (retry it).
 */
public final class TrackBatchHandler extends ApiEndpoint {
    /**
     * How long before the function's timeout the batch stops starting items: what a DynamoDB call may take (it is
     * given up after 6 s), and the answer written. The timeout stays the tracking functions' 10 s, which an erasure
     * relies on (it waits that long after its cutoff for requests received before it), so a batch has 3.5 s to start
     * items: 1,000 items of eight or more customers take about a second.
     */
    static final Duration RESERVE_FOR_ITEMS_IN_FLIGHT = ApiRequest.WORK_RESERVE;

    private final BatchTracker tracker;

    public TrackBatchHandler() {
        this(LambdaEnvironment.batchTracker(), Clock.systemUTC());
        LambdaEnvironment.primeBatchFunction(this);
    }

    public TrackBatchHandler(BatchTracker tracker, Clock clock) {
        super(Scope.TRACK, clock);
        this.tracker = tracker;
    }

    @Override
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        BatchRequest batch = BatchRequestReader.read(request.jsonBody(Limits.MAX_BATCH_BODY_BYTES));
        List<BatchItem> valid = new ArrayList<>(batch.entries().size());
        for (Entry entry : batch.entries()) {
            if (entry instanceof Entry.Valid item) {
                valid.add(item.item());
            }
        }
        Instant startBy = request.invocationEnd().map(end -> end.minus(RESERVE_FOR_ITEMS_IN_FLIGHT))
                .orElse(Instant.MAX);
        List<BatchTracker.Outcome> outcomes = valid.isEmpty() ? List.of()
                : tracker.track(request.projectId(), valid, Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER,
                request.receivedAt(), startBy, request.metrics());
        List<BatchItemResult> results = new ArrayList<>(batch.entries().size());
        int next = 0;
        String unavailableCause = null;
        int unavailable = 0;
        for (int index = 0; index < batch.entries().size(); index++) {
            if (batch.entries().get(index) instanceof Entry.Rejected rejected) {
                results.add(BatchItemResult.rejected(index, rejected.problems(), rejected.unlisted()));
                continue;
            }
            BatchTracker.Outcome outcome = outcomes.get(next++);
            if (outcome instanceof BatchTracker.Outcome.Stored stored) {
                results.add(BatchItemResult.stored(index, stored.result()));
            } else if (outcome instanceof BatchTracker.Outcome.Unavailable storage) {
                results.add(BatchItemResult.unavailable(index));
                unavailable++;
                unavailableCause = unavailableCause == null ? storage.cause() : unavailableCause;
            } else {
                results.add(BatchItemResult.rejected(index, List.of(BatchRequestReader.profileTooLarge()), 0));
            }
        }
        if (unavailable > 0) {
            Log.warn(request.context(), "batch of " + results.size() + " items: " + unavailable
                    + " unavailable, the first because " + unavailableCause);
        }
        return ApiResponses.batch(results);
    }
}
