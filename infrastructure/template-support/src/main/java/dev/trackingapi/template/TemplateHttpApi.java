package dev.trackingapi.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP API declared in template.yaml as API Gateway would build it: the routes (the functions' HttpApi events),
 * the Lambda authorizers, and each function's handler, settings and environment, with the Globals applied and
 * {@code !Ref}s to parameters resolved to their defaults unless overridden.
 */
public final class TemplateHttpApi {
    public static final String DEFAULT_STAGE = "$default";
    /** The SAM default when an authorizer's Identity names no ReauthorizeEvery: results are not cached. */
    private static final int DEFAULT_REAUTHORIZE_EVERY = 0;

    /** A route; {@code authorizer} is empty when the route is not authorized (Auth: Authorizer: NONE, no default). */
    public record Route(String method, String path, String functionLogicalId, Optional<String> authorizer) {
        public String routeKey() {
            return DEFAULT_ROUTE.equals(path) ? DEFAULT_ROUTE : method + " " + path;
        }
    }

    public static final String DEFAULT_ROUTE = "$default";
    public static final String ANY_METHOD = "ANY";

    /** A Lambda REQUEST authorizer; {@code reauthorizeEverySeconds} 0 means its results are not cached. */
    public record LambdaAuthorizer(String name, String functionLogicalId, List<String> identityHeaders,
                                   List<String> identityQueryStrings, int reauthorizeEverySeconds,
                                   boolean simpleResponses, String payloadFormatVersion) {
        /** The identity source as API Gateway lists it, e.g. $request.header.x-growlytics-key. */
        public List<String> identitySource() {
            List<String> sources = new ArrayList<>();
            identityHeaders.forEach(header -> sources.add("$request.header." + header));
            identityQueryStrings.forEach(query -> sources.add("$request.querystring." + query));
            return sources;
        }
    }

    /** A function: {@code handler} is the template's Handler, e.g. pkg.Class::handleRequest. */
    public record LambdaFunction(String logicalId, String handler, int timeoutSeconds, int memorySizeMb) {
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }

        public String handlerMethod() {
            int separator = handler.indexOf("::");
            return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        }
    }

    private final Map<String, Object> parameters;
    private final Map<String, Object> resources;
    private final Map<String, Object> functionGlobals;
    private final String apiLogicalId;
    private final Map<String, Object> apiProperties;
    private final List<Route> routes;

    private TemplateHttpApi(Map<String, Object> template) {
        this.parameters = map(template, "Parameters");
        this.resources = map(template, "Resources");
        this.functionGlobals = map(map(template, "Globals"), "Function");
        List<String> apis = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::HttpApi".equals(((Map<?, ?>) resource).get("Type"))) {
                apis.add(id);
            }
        });
        if (apis.size() != 1) {
            throw new IllegalStateException("template.yaml declares " + apis.size()
                    + " AWS::Serverless::HttpApi resources; exactly one is expected");
        }
        this.apiLogicalId = apis.get(0);
        this.apiProperties = map(map(resources, apiLogicalId), "Properties");
        this.routes = readRoutes();
    }

    public static TemplateHttpApi read(Path template) {
        return new TemplateHttpApi(CloudFormationYaml.read(template));
    }

    public String apiLogicalId() {
        return apiLogicalId;
    }

    public String stageName(Map<String, String> parameterOverrides) {
        Object stage = apiProperties.get("StageName");
        String resolved = stage == null ? null : resolve(stage, parameterOverrides);
        return resolved == null ? DEFAULT_STAGE : resolved;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The API's Lambda authorizer of that name; an authorizer of another kind (JWT, IAM) is a clear error. */
    public LambdaAuthorizer authorizer(String name, Map<String, String> parameterOverrides) {
        Map<String, Object> authorizer = map(map(map(apiProperties, "Auth"), "Authorizers"), name);
        if (authorizer.isEmpty() || !authorizer.containsKey("FunctionArn")) {
            throw new IllegalStateException("template.yaml: authorizer " + name + " of " + apiLogicalId
                    + " is not a Lambda authorizer" + (authorizer.isEmpty() ? " (not declared)" : ""));
        }
        Map<String, Object> identity = map(authorizer, "Identity");
        Object reauthorizeEvery = identity.get("ReauthorizeEvery");
        String ttl = reauthorizeEvery == null ? null : resolve(reauthorizeEvery, parameterOverrides);
        Object simple = authorizer.get("EnableSimpleResponses");
        Object version = authorizer.get("AuthorizerPayloadFormatVersion");
        return new LambdaAuthorizer(name, functionOf(authorizer.get("FunctionArn"), name),
                strings(identity.get("Headers")), strings(identity.get("QueryStrings")),
                ttl == null ? DEFAULT_REAUTHORIZE_EVERY : Integer.parseInt(ttl),
                simple != null && Boolean.parseBoolean(String.valueOf(simple)),
                version == null ? null : String.valueOf(version));
    }

    public LambdaFunction function(String logicalId) {
        Map<String, Object> properties = functionProperties(logicalId);
        Object handler = properties.getOrDefault("Handler", functionGlobals.get("Handler"));
        if (handler == null) {
            throw new IllegalStateException("template.yaml: function " + logicalId + " has no Handler");
        }
        return new LambdaFunction(logicalId, String.valueOf(handler),
                integer(properties.getOrDefault("Timeout", functionGlobals.getOrDefault("Timeout", 3))),
                integer(properties.getOrDefault("MemorySize", functionGlobals.getOrDefault("MemorySize", 128))));
    }

    /**
     * The function's environment variables (Globals, then the function's own), each {@code !Ref} resolved from
     * {@code refs} (e.g. table logical id to local table name, parameter overrides) or else the parameter's
     * default. A value that cannot be resolved locally (another intrinsic function) is left out.
     */
    public Map<String, String> environment(String functionLogicalId, Map<String, String> refs) {
        Map<String, Object> variables = new LinkedHashMap<>(map(map(functionGlobals, "Environment"), "Variables"));
        variables.putAll(map(map(functionProperties(functionLogicalId), "Environment"), "Variables"));
        Map<String, String> environment = new TreeMap<>();
        variables.forEach((name, value) -> {
            String resolved = resolve(value, refs);
            if (resolved != null) {
                environment.put(name, resolved);
            }
        });
        return environment;
    }

    private List<Route> readRoutes() {
        Optional<String> defaultAuthorizer = Optional.ofNullable(map(apiProperties, "Auth").get("DefaultAuthorizer"))
                .map(String::valueOf);
        List<Route> found = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = asMap(resource.getValue());
            if (!"AWS::Serverless::Function".equals(body.get("Type"))) {
                continue;
            }
            for (Object event : map(map(body, "Properties"), "Events").values()) {
                Map<String, Object> eventBody = asMap(event);
                if (!"HttpApi".equals(eventBody.get("Type"))) {
                    continue;
                }
                Map<String, Object> properties = map(eventBody, "Properties");
                Object apiId = properties.get("ApiId");
                if (apiId != null && !apiLogicalId.equals(asMap(apiId).get("Ref"))) {
                    throw new IllegalStateException("template.yaml: function " + resource.getKey()
                            + " routes to an API other than " + apiLogicalId);
                }
                Object version = properties.get("PayloadFormatVersion");
                if (version != null && !"2.0".equals(String.valueOf(version))) {
                    throw new IllegalStateException("template.yaml: function " + resource.getKey()
                            + " uses payload format " + version + "; only 2.0 is served locally");
                }
                Object path = properties.get("Path");
                Object method = properties.get("Method");
                Object authorizer = map(properties, "Auth").get("Authorizer");
                Optional<String> routeAuthorizer = authorizer == null ? defaultAuthorizer
                        : "NONE".equals(authorizer) ? Optional.empty() : Optional.of(String.valueOf(authorizer));
                found.add(new Route(
                        method == null ? ANY_METHOD : String.valueOf(method).toUpperCase(Locale.ROOT),
                        path == null ? DEFAULT_ROUTE : String.valueOf(path),
                        resource.getKey(), routeAuthorizer));
            }
        }
        return List.copyOf(found);
    }

    private Map<String, Object> functionProperties(String logicalId) {
        Map<String, Object> resource = map(resources, logicalId);
        if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
            throw new IllegalStateException("template.yaml has no function " + logicalId);
        }
        return map(resource, "Properties");
    }

    /** FunctionArn: !Ref Fn, !Ref Fn.Alias, !GetAtt Fn.Arn, each naming the function Fn. */
    private String functionOf(Object functionArn, String authorizerName) {
        Map<String, Object> reference = functionArn instanceof Map<?, ?> ? asMap(functionArn) : Map.of();
        String target = null;
        if (reference.get("Ref") instanceof String ref) {
            target = ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref;
        } else if (reference.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
            target = String.valueOf(getAtt.get(0));
        }
        if (target == null || !resources.containsKey(target)) {
            throw new IllegalStateException("template.yaml: authorizer " + authorizerName
                    + " does not name a function of the template: " + functionArn);
        }
        return target;
    }

    private String resolve(Object value, Map<String, String> refs) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String ref) {
            if (refs.containsKey(ref)) {
                return refs.get(ref);
            }
            Object parameterDefault = map(parameters, ref).get("Default");
            return parameterDefault == null ? null : String.valueOf(parameterDefault);
        }
        return null;
    }

    private static int integer(Object value) {
        return Integer.parseInt(String.valueOf(value));
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child instanceof Map<?, ?> ? asMap(child) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
