package dev.trackingapi.validation;

import java.util.List;
import java.util.Map;

/** One entry of a Joi-style ValidationError: what is wrong, where (path), and a machine-readable type. */
public record ValidationProblem(String message, List<Object> path, String type, Map<String, Object> context) {
}
