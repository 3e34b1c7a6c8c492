package dev.trackingapi.validation;

import java.util.List;

/** The request is malformed: every problem found is listed and nothing is written. */
public final class RequestValidationException extends RuntimeException {
    private final List<ValidationProblem> problems;
    private final int unlistedProblems;

    public RequestValidationException(List<ValidationProblem> problems, int unlistedProblems) {
        super(problems.isEmpty() ? "invalid request" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
        this.unlistedProblems = unlistedProblems;
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    /** Problems found beyond the listed ones (the list is capped so that a huge body cannot produce a huge answer). */
    public int unlistedProblems() {
        return unlistedProblems;
    }
}
