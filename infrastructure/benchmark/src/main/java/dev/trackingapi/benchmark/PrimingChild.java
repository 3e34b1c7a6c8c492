package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.baseline.ColdStartChild;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import org.crac.Core;

import java.util.Arrays;

/**
 * Run in a fresh JVM by {@link PrimingBenchmark}: builds the handler as Lambda does, runs its SnapStart priming hook
 * (the beforeCheckpoint of every registered CRaC resource, through the {@code crac} stand-in) unless told not to, then times the first real request and
 * the warm ones after it. Prints "PRIMING first-ns p50-ns".
 * Arguments: project id, pass (makes the events new), warm requests, "primed" or "unprimed", and optionally how
 * metrics are written ({@link EmfWriters}; the functions' own lines when absent).
 */
public final class PrimingChild {
    private PrimingChild() {
    }

    public static void main(String[] args) throws Exception {
        String project = args[0];
        int pass = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        boolean primed = "primed".equals(args[3]);
        if (args.length > 4) {
            EmfWriters.named(args[4]).install();
        }
        TrafficMix mix = new TrafficMix(1, warm + 1, 10);
        TrackEventV2Handler handler = new TrackEventV2Handler();
        if (primed) {
            Core.checkpointRestore();
        }
        long first = timed(handler, mix, 0, pass, project);
        long[] warmNanos = new long[warm];
        for (int i = 0; i < warm; i++) {
            warmNanos[i] = timed(handler, mix, i + 1, pass, project);
        }
        Arrays.sort(warmNanos);
        System.out.println("PRIMING " + first + " " + warmNanos[warm / 2]);
        System.out.flush();
    }

    /** Times the handler alone: the event API Gateway would pass is built before the clock starts. */
    private static long timed(TrackEventV2Handler handler, TrafficMix mix, int event, int pass, String project) {
        APIGatewayV2HTTPEvent request = ColdStartChild.event(mix.body(0, event, pass), project,
                "p-" + pass + "-" + event);
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
        long took = System.nanoTime() - started;
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("answered " + response.getStatusCode() + " " + response.getBody());
        }
        return took;
    }
}
