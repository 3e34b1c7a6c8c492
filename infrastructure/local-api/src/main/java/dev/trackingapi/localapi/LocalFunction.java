package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One function of the template, run as Lambda runs it: the handler its Handler names, built by its
 * {@link LocalHandlers.Factory} from the function's template environment, one instance per execution environment (an
 * idle instance is reused, a concurrent request gets a new one), the event read and the result written by the Lambda
 * runtime's own serializer.
 */
final class LocalFunction {
    /** The function failed (threw, or its result could not be serialized): API Gateway answers 500. */
    static final class FunctionFailure extends Exception {
        FunctionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TemplateHttpApi.LambdaFunction definition;
    private final LocalHandlers.Factory factory;
    private final EnvironmentVariables environment;
    private final PojoSerializer<Object> eventSerializer;
    private final PojoSerializer<Object> resultSerializer;
    private final ObjectMapper mapper;
    private final PrintStream log;
    private final ConcurrentLinkedDeque<RequestHandler<Object, Object>> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong invocations = new AtomicLong();

    private LocalFunction(TemplateHttpApi.LambdaFunction definition, LocalHandlers.Factory factory,
                          EnvironmentVariables environment, ObjectMapper mapper, PrintStream log) {
        this.definition = definition;
        this.factory = factory;
        this.environment = environment;
        this.mapper = mapper;
        this.log = log;
        this.eventSerializer = serializer(factory.eventType());
        this.resultSerializer = serializer(factory.resultType());
    }

    /**
     * @param factories the factory of every handler the local API can run, by the template's Handler
     * @throws LocalApiException when no factory builds the handler, or its first instance fails to start
     */
    static LocalFunction start(TemplateHttpApi.LambdaFunction definition, Map<String, String> environment,
                               Map<String, LocalHandlers.Factory> factories, ObjectMapper mapper, PrintStream log) {
        LocalHandlers.Factory factory = factories.get(definition.handler());
        if (factory == null) {
            throw new LocalApiException("template.yaml: " + definition.logicalId() + "'s handler "
                    + definition.handler() + " is not one the local API can build; add its factory to LocalHandlers");
        }
        LocalFunction function = new LocalFunction(definition, factory, new EnvironmentVariables(environment::get),
                mapper, log);
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
        RequestHandler<Object, Object> handler = Optional.ofNullable(idle.pollFirst()).orElseGet(this::newInstance);
        long started = System.nanoTime();
        Object result;
        try {
            Context context = new LocalContext(logicalId(), requestId, definition.memorySizeMb(),
                    definition.timeoutSeconds(), log);
            result = handler.handleRequest(input, context);
        } catch (RuntimeException | Error e) {
            throw new FunctionFailure(logicalId() + " failed", e);
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

    private RequestHandler<Object, Object> newInstance() {
        try {
            return factory.create().apply(environment);
        } catch (IllegalStateException e) {
            throw new LocalApiException(logicalId() + " could not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LocalApiException(logicalId() + " could not start: " + e, e);
        }
    }

    /** The runtime's serializer for the Lambda event classes, plain Jackson for anything else (as the runtime). */
    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader());
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
