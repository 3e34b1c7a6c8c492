package dev.trackingapi.validation;

import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a GET route (path and query parameters by name), checked as a body is: every problem listed,
 * Joi-style, with the parameter's name as its path. A parameter the route does not take, or one given twice, is a
 * problem too, so that a typo ("limt") never silently changes what is read.
 */
public final class Parameters {
    private final Map<String, List<String>> values;
    private final Problems problems = new Problems();

    /** @param accepted the names the route takes; any other is reported */
    public Parameters(Map<String, List<String>> values, Set<String> accepted) {
        this.values = values;
        for (String name : new TreeSet<>(values.keySet())) {
            if (!accepted.contains(name)) {
                problems.add(JsonPath.root().field(name), "object.unknown", "is not allowed (this route takes "
                        + String.join(", ", new TreeSet<>(accepted)) + ")", null, Map.of());
            } else if (values.get(name).size() > 1) {
                problems.add(JsonPath.root().field(name), "any.repeated", "must be given once (it is given "
                        + values.get(name).size() + " times)", null, Map.of());
            }
        }
    }

    /** A required identifier (customer id, event name), with the rules the tracking routes apply to it. */
    public String identifier(String name, int maxLength) {
        String value = single(name);
        return Texts.requiredIdentifier(value == null ? null : TextNode.valueOf(value), JsonPath.root().field(name),
                maxLength, problems);
    }

    /** An optional identifier: null when absent. */
    public String optionalIdentifier(String name, int maxLength) {
        String value = single(name);
        return value == null ? null : identifier(name, maxLength);
    }

    /** An integer from min to max; the default when absent. */
    public long integer(String name, long min, long max, long defaultValue) {
        String value = single(name);
        if (value == null) {
            return defaultValue;
        }
        JsonPath path = JsonPath.root().field(name);
        if (!value.matches("-?[0-9]{1,19}")) {
            problems.add(path, "number.base", "must be an integer", value, Map.of());
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            problems.add(path, "number.max", "must be less than or equal to " + max, value, Map.of("limit", max));
            return defaultValue;
        }
        if (number < min) {
            problems.add(path, "number.min", "must be greater than or equal to " + min, number, Map.of("limit", min));
        } else if (number > max) {
            problems.add(path, "number.max", "must be less than or equal to " + max, number, Map.of("limit", max));
        } else {
            return number;
        }
        return defaultValue;
    }

    /** The text of an optional parameter as given (null when absent), for a reader of its own (a cursor). */
    public String text(String name) {
        return single(name);
    }

    /** A problem found by the route itself, such as one between two parameters. */
    public void problem(String name, String type, String messageAfterName, Object value, Map<String, Object> context) {
        problems.add(JsonPath.root().field(name), type, messageAfterName, value, context);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** @throws RequestValidationException 422 listing every problem, when there is one */
    public void throwIfAny() {
        problems.throwIfAny();
    }

    private String single(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() ? null : given.get(0);
    }
}
