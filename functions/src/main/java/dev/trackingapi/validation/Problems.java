package dev.trackingapi.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every validation problem of one request, in the order they are found; lists at most {@link #MAX_LISTED}. */
public final class Problems {
    public static final int MAX_LISTED = 100;
    private static final int MAX_CONTEXT_STRING = 100;

    private final List<ValidationProblem> listed = new ArrayList<>();
    private int unlisted;

    public void add(JsonPath path, String type, String messageAfterLabel) {
        add(path, type, messageAfterLabel, null, Map.of());
    }

    /**
     * @param messageAfterLabel the message without its subject, e.g. "must be a string"; the path's label (and the name
     *                          of the attribute it is under, in the typed form) is put in front
     * @param value the offending value for context.value when it is a scalar (strings are shortened), else null
     */
    public void add(JsonPath path, String type, String messageAfterLabel, Object value, Map<String, Object> extraContext) {
        if (listed.size() >= MAX_LISTED) {
            unlisted++;
            return;
        }
        listed.add(problem(path, type, messageAfterLabel, value, extraContext));
    }

    /** One problem on its own, as {@link #add} would record it. */
    public static ValidationProblem problem(JsonPath path, String type, String messageAfterLabel, Object value,
                                            Map<String, Object> extraContext) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("label", path.label());
        if (path.key() != null) {
            context.put("key", path.key());
        }
        if (value != null) {
            context.put("value", shorten(value));
        }
        context.putAll(extraContext);
        return new ValidationProblem(path.subject() + " " + messageAfterLabel, path.steps(), type, context);
    }

    public boolean isEmpty() {
        return listed.isEmpty();
    }

    /** The problems listed so far, in the order they were found. */
    public List<ValidationProblem> listed() {
        return List.copyOf(listed);
    }

    public void throwIfAny() {
        if (!listed.isEmpty()) {
            throw exception();
        }
    }

    /** The 422 of the problems found so far. */
    public RequestValidationException exception() {
        return new RequestValidationException(listed, unlisted);
    }

    private static Object shorten(Object value) {
        if (value instanceof String s && s.length() > MAX_CONTEXT_STRING) {
            int end = Character.isHighSurrogate(s.charAt(MAX_CONTEXT_STRING - 1)) ? MAX_CONTEXT_STRING - 1 : MAX_CONTEXT_STRING;
            return s.substring(0, end) + "…";
        }
        return value;
    }
}
