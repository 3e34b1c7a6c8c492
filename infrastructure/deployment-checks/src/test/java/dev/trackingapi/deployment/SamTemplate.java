package dev.trackingapi.deployment;

import dev.trackingapi.template.CloudFormationYaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A read-only view of template.yaml (intrinsics in their long forms) as the checks need it. */
final class SamTemplate {
    static final String FUNCTION = "AWS::Serverless::Function";
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    /** How a grant on an index names it: "Table/index/Name", as RecordingInterceptor names a Query of it. */
    static final String INDEX = "/index/";
    private static final Pattern INDEX_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/(\\w+)");

    private final Map<String, Object> template;

    private SamTemplate(Map<String, Object> template) {
        this.template = template;
    }

    static SamTemplate read(Path path) {
        return new SamTemplate(CloudFormationYaml.read(path));
    }

    /** A template already read (a test's altered copy of template.yaml, say). */
    static SamTemplate of(Map<String, Object> template) {
        return new SamTemplate(template);
    }

    Map<String, Object> raw() {
        return template;
    }

    Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource.isEmpty()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, body) -> {
            if (type.equals(map(body).get("Type"))) {
                found.put(id, map(body));
            }
        });
        return found;
    }

    Set<String> tableIds() {
        return resourcesOfType(TABLE).keySet();
    }

    Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    Map<String, Object> outputs() {
        return map(template.get("Outputs"));
    }

    Map<String, Object> functionGlobals() {
        return map(map(template.get("Globals")).get("Function"));
    }

    List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        resourcesOfType(FUNCTION).forEach((id, body) -> functions.add(new Function(id, properties(body))));
        return functions;
    }

    Function function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no function " + logicalId));
    }

    /** A function's own properties, with the Globals it inherits where it sets none. */
    final class Function {
        private final String logicalId;
        private final Map<String, Object> properties;

        Function(String logicalId, Map<String, Object> properties) {
            this.logicalId = logicalId;
            this.properties = properties;
        }

        String logicalId() {
            return logicalId;
        }

        Map<String, Object> properties() {
            return properties;
        }

        /** The property as SAM resolves it: the function's own, else the Globals' one. */
        Object property(String name) {
            return properties.containsKey(name) ? properties.get(name) : functionGlobals().get(name);
        }

        String handler() {
            return (String) property("Handler");
        }

        String handlerClass() {
            String handler = handler();
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }

        /** Globals' variables merged with the function's own (SAM merges maps, the function's entries win). */
        Map<String, Object> environment() {
            Map<String, Object> variables = new LinkedHashMap<>(
                    map(map(functionGlobals().get("Environment")).get("Variables")));
            variables.putAll(map(map(properties.get("Environment")).get("Variables")));
            return variables;
        }

        List<Object> policies() {
            Object policies = properties.get("Policies");
            if (policies == null) {
                return List.of();
            }
            return policies instanceof List<?> list ? new ArrayList<>(list) : List.of(policies);
        }

        List<Route> routes() {
            List<Route> routes = new ArrayList<>();
            map(properties.get("Events")).forEach((name, event) -> {
                Map<String, Object> body = map(event);
                if ("HttpApi".equals(body.get("Type"))) {
                    Map<String, Object> route = map(body.get("Properties"));
                    routes.add(new Route(logicalId, name, String.valueOf(route.get("Method")),
                            String.valueOf(route.get("Path")), route.get("ApiId"), route.get("PayloadFormatVersion")));
                }
            });
            return routes;
        }

        /**
         * The (action, table) pairs the function's inline policy statements allow. Anything that is not an
         * Allow statement naming actions on template tables by !GetAtt Table.Arn is a problem, reported, not read.
         */
        Grants grants() {
            Set<Grant> grants = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (Object policy : policies()) {
                if (!(policy instanceof Map<?, ?> document) || !(document.get("Statement") instanceof List<?> statements)) {
                    problems.add(logicalId + ": policy " + policy + " is not an inline policy document"
                            + " (managed policies and SAM policy templates grant more than the code uses)");
                    continue;
                }
                for (Object statement : statements) {
                    readStatement(map(statement), grants, problems);
                }
            }
            return new Grants(grants, problems);
        }

        private void readStatement(Map<String, Object> statement, Set<Grant> grants, List<String> problems) {
            if (!"Allow".equals(statement.get("Effect"))) {
                problems.add(logicalId + ": only Allow statements are expected, got " + statement);
                return;
            }
            List<Object> actions = listOf(statement.get("Action"));
            List<Object> resources = listOf(statement.get("Resource"));
            if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
                problems.add(logicalId + ": NotAction/NotResource grant everything else: " + statement);
            }
            for (Object action : actions) {
                if (!(action instanceof String name) || name.contains("*") || !name.startsWith("dynamodb:")) {
                    problems.add(logicalId + ": action " + action + " is not one named DynamoDB action");
                    continue;
                }
                for (Object resource : resources) {
                    String table = tableOf(resource);
                    if (table == null) {
                        problems.add(logicalId + ": resource " + resource
                                + " is not a template table's ARN (!GetAtt Table.Arn)");
                    } else {
                        grants.add(new Grant(name.substring("dynamodb:".length()), table));
                    }
                }
            }
        }

        /** Table for !GetAtt Table.Arn, "Table/index/Name" for !Sub "${Table.Arn}/index/Name"; else null. */
        private String tableOf(Object resource) {
            if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt
                    && getAtt.size() == 2 && "Arn".equals(getAtt.get(1)) && tableIds().contains(getAtt.get(0))) {
                return (String) getAtt.get(0);
            }
            if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Sub") instanceof String sub) {
                Matcher index = INDEX_ARN.matcher(sub);
                if (index.matches() && tableIds().contains(index.group(1))) {
                    return index.group(1) + INDEX + index.group(2);
                }
            }
            return null;
        }
    }

    /** One HttpApi event of a function. */
    record Route(String functionId, String eventName, String method, String path, Object apiId,
                 Object payloadFormatVersion) {
        /**
         * The fixture `sam local invoke -e` takes: events/track-event-v2.json for POST /track/event/v2; other methods
         * lead, and path variables lose their braces: events/get-product-id.json for GET /product/{id}.
         */
        String eventFileName() {
            return ("POST".equals(method) ? "" : method.toLowerCase(java.util.Locale.ROOT) + "-")
                    + path.substring(1).replace('/', '-').replaceAll("[{}+]", "") + ".json";
        }

        String routeKey() {
            return method + " " + path;
        }
    }

    /** A DynamoDB operation on a template table, by logical id. */
    record Grant(String operation, String table) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return operation + " " + table;
        }
    }

    record Grants(Set<Grant> granted, List<String> problems) {
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> listOf(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
