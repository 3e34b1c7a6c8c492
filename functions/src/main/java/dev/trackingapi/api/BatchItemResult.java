package dev.trackingapi.api;

import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.validation.ValidationProblem;

import java.util.List;

/**
 * The result of one item of a batch, as {@link ApiResponses#batch} writes it.
 *
 * @param ignored  for a stored item, what its single route would have reported as not applied
 * @param details  for a rejected item, its problems (paths relative to the item)
 * @param unlisted for a rejected item, its problems beyond the listed ones
 */
public record BatchItemResult(int index, Status status, List<IgnoredAttribute> ignored,
                              List<ValidationProblem> details, int unlisted) {

    public enum Status {
        STORED("stored"), REJECTED("rejected"), UNAVAILABLE("unavailable");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public BatchItemResult {
        ignored = List.copyOf(ignored);
        details = List.copyOf(details);
    }

    public static BatchItemResult stored(int index, TrackingResult result) {
        return new BatchItemResult(index, Status.STORED, result.ignored(), List.of(), 0);
    }

    public static BatchItemResult rejected(int index, List<ValidationProblem> details, int unlisted) {
        return new BatchItemResult(index, Status.REJECTED, List.of(), details, unlisted);
    }

    public static BatchItemResult unavailable(int index) {
        return new BatchItemResult(index, Status.UNAVAILABLE, List.of(), List.of(), 0);
    }
}
