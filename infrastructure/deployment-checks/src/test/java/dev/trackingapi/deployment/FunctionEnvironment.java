package dev.trackingapi.deployment;

import dev.trackingapi.config.EnvironmentVariables;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's environment as Lambda would give it: the template's variables (Globals merged) with their
 * references resolved for a local run, plus the variables the Lambda runtime itself sets.
 */
final class FunctionEnvironment {
    /** What the Lambda runtime sets that the code or the SDK reads (credentials: the role's, here DynamoDB Local's). */
    static final Map<String, String> RUNTIME = Map.of(
            EnvironmentVariables.AWS_REGION, "us-east-1",
            "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local");

    private FunctionEnvironment() {
    }

    /**
     * @param tablePrefix local tables are named prefix + the template's logical id
     * @param dynamoDb    DynamoDB Local, which stands in for the regional endpoint (the variable is empty in AWS)
     */
    static Map<String, String> of(SamTemplate template, SamTemplate.Function function, String tablePrefix,
                                  URI dynamoDb) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) ->
                environment.put(name, resolve(template, function, name, value, tablePrefix, dynamoDb)));
        environment.putAll(RUNTIME);
        return environment;
    }

    private static String resolve(SamTemplate template, SamTemplate.Function function, String name, Object value,
                                  String tablePrefix, URI dynamoDb) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (EnvironmentVariables.DYNAMODB_ENDPOINT.equals(name)) {
            return dynamoDb.toString();
        }
        Object ref = SamTemplate.map(value).get("Ref");
        if (ref instanceof String id && template.tableIds().contains(id)) {
            return tablePrefix + id;
        }
        if (ref instanceof String id && template.parameters().containsKey(id)) {
            Object defaultValue = SamTemplate.map(template.parameters().get(id)).get("Default");
            if (defaultValue != null) {
                return String.valueOf(defaultValue);
            }
        }
        throw new AssertionError(function.logicalId() + ": " + name + " = " + value
                + " cannot be resolved for a local run (a table Ref, a parameter with a default, or a literal)");
    }
}
