package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.template.TemplateHttpApi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One function of the template, run as Lambda runs it: the handler class its Handler names, one instance per
 * execution environment (an idle instance is reused, a concurrent request gets a new one), the event read and the
 * result written by the Lambda runtime's own serializer. Instances are wired through their test constructor
 * (trackers, authenticator, clock) from the function's template environment, never through the Lambda one, which
 * reads the process environment.
 */
final class LocalFunction {
    /** The function failed (threw, or its result could not be serialized): API Gateway answers 500. */
    static final class FunctionFailure extends Exception {
        FunctionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TemplateHttpApi.LambdaFunction definition;
    private final Constructor<?> constructor;
    private final Method method;
    private final EnvironmentVariables environment;
    private final Map<Class<?>, Function<EnvironmentVariables, Object>> dependencies;
    private final PojoSerializer<Object> eventSerializer;
    private final PojoSerializer<Object> resultSerializer;
    private final ObjectMapper mapper;
    private final PrintStream log;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong invocations = new AtomicLong();

    private LocalFunction(TemplateHttpApi.LambdaFunction definition, Constructor<?> constructor, Method method,
                          EnvironmentVariables environment,
                          Map<Class<?>, Function<EnvironmentVariables, Object>> dependencies, ObjectMapper mapper,
                          PrintStream log) {
        this.definition = definition;
        this.constructor = constructor;
        this.method = method;
        this.environment = environment;
        this.dependencies = dependencies;
        this.mapper = mapper;
        this.log = log;
        ClassLoader loader = constructor.getDeclaringClass().getClassLoader();
        this.eventSerializer = serializer(method.getParameterTypes()[0], loader);
        this.resultSerializer = serializer(method.getReturnType(), loader);
    }

    /**
     * @param dependencies how to build each constructor parameter type from the function's environment
     * @throws LocalApiException when the handler cannot be found or wired, or its first instance fails to start
     */
    static LocalFunction start(TemplateHttpApi.LambdaFunction definition, Map<String, String> environment,
                               Map<Class<?>, Function<EnvironmentVariables, Object>> dependencies,
                               ObjectMapper mapper, PrintStream log) {
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(definition.handlerClass());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LocalApiException("template.yaml: " + definition.logicalId() + "'s handler class "
                    + definition.handlerClass() + " cannot be loaded (" + e + ")");
        }
        Constructor<?> constructor = Arrays.stream(handlerClass.getConstructors())
                .filter(candidate -> dependencies.keySet().containsAll(Arrays.asList(candidate.getParameterTypes())))
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new LocalApiException(definition.handlerClass() + " has no public constructor"
                        + " taking only " + dependencies.keySet().stream().map(Class::getSimpleName).sorted().toList()));
        Method method = handlerMethod(handlerClass, definition);
        LocalFunction function = new LocalFunction(definition, constructor, method,
                new EnvironmentVariables(environment::get), dependencies, mapper, log);
        function.idle.add(function.newInstance());
        return function;
    }

    String logicalId() {
        return definition.logicalId();
    }

    long invocations() {
        return invocations.get();
    }

    /** Invokes the handler with the event as Lambda would, and returns what Lambda would hand back, as JSON. */
    JsonNode invoke(JsonNode event, String requestId) throws FunctionFailure {
        invocations.incrementAndGet();
        Object input;
        try {
            input = eventSerializer.fromJson(new ByteArrayInputStream(mapper.writeValueAsBytes(event)));
        } catch (IOException | RuntimeException e) {
            throw new FunctionFailure(logicalId() + " could not read its event", e);
        }
        Object handler = Optional.ofNullable(idle.pollFirst()).orElseGet(this::newInstance);
        long started = System.nanoTime();
        Object result;
        try {
            Context context = new LocalContext(logicalId(), requestId, definition.memorySizeMb(),
                    definition.timeoutSeconds(), log);
            result = method.getParameterCount() == 2 ? method.invoke(handler, input, context)
                    : method.invoke(handler, input);
        } catch (InvocationTargetException e) {
            throw new FunctionFailure(logicalId() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionFailure(logicalId() + " could not be called", e);
        } finally {
            idle.addFirst(handler);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > definition.timeoutSeconds() * 1000L) {
            log.println("  [" + logicalId() + "] WARN ran " + millis + " ms, over its " + definition.timeoutSeconds()
                    + " s timeout: Lambda would have stopped it and API Gateway answered 500");
        }
        if (result == null) {
            return NullNode.getInstance();
        }
        try {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            resultSerializer.toJson(result, json);
            return mapper.readTree(json.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new FunctionFailure(logicalId() + "'s result could not be serialized", e);
        }
    }

    private Object newInstance() {
        Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                .map(type -> dependencies.get(type).apply(environment))
                .toArray();
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new LocalApiException(logicalId() + " could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LocalApiException(logicalId() + " could not start: " + e, e);
        } catch (IllegalStateException e) {
            throw new LocalApiException(logicalId() + " could not start: " + e.getMessage(), e);
        }
    }

    /** The Handler's method; it may be declared by a package-private superclass, which Lambda calls just the same. */
    private static Method handlerMethod(Class<?> handlerClass, TemplateHttpApi.LambdaFunction definition) {
        Method method = Arrays.stream(handlerClass.getMethods())
                .filter(candidate -> candidate.getName().equals(definition.handlerMethod()))
                .filter(candidate -> !candidate.isBridge() && !candidate.isSynthetic()
                        && !Modifier.isStatic(candidate.getModifiers()))
                .filter(candidate -> candidate.getParameterCount() == 1 || (candidate.getParameterCount() == 2
                        && candidate.getParameterTypes()[1] == Context.class))
                .findFirst()
                .orElseThrow(() -> new LocalApiException("template.yaml: " + definition.logicalId() + "'s handler "
                        + definition.handler() + " has no public method " + definition.handlerMethod()
                        + "(event[, Context])"));
        method.setAccessible(true);
        return method;
    }

    /** The runtime's serializer for the Lambda event classes, plain Jackson for anything else (as the runtime). */
    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return new PojoSerializer<>() {
            @Override
            public Object fromJson(InputStream input) {
                try {
                    return mapper.readValue(input, type);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Object fromJson(String input) {
                return fromJson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void toJson(Object value, OutputStream output) {
                try {
                    mapper.writeValue(output, value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
