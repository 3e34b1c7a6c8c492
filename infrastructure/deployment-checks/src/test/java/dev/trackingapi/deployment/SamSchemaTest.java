package dev.trackingapi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.trackingapi.template.CloudFormationYaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml against the SAM specification's own JSON schema (draft-04), short-form intrinsics read as long forms. */
class SamSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema samSchema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Repository.samSchema())) {
            samSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static ObjectNode template() {
        return withAuthorizerCacheTtlResolved(JSON.valueToTree(CloudFormationYaml.read(Repository.template())));
    }

    /**
     * The one place where the schema is stricter than SAM: it types an HttpApi Lambda authorizer's
     * Identity.ReauthorizeEvery as a literal integer, while SAM copies the value verbatim into the API's OpenAPI body
     * (authorizerResultTtlInSeconds, samtranslator/model/apigatewayv2.py), where CloudFormation resolves a parameter
     * Ref like the Fn::Sub SAM itself writes there. The cache TTL is a parameter (AuthorizerCacheTtlSeconds), so its
     * Ref is replaced by the parameter's default before validating; nothing else is.
     */
    static ObjectNode withAuthorizerCacheTtlResolved(ObjectNode template) {
        template.path("Resources").properties().forEach(resource -> {
            if (!"AWS::Serverless::HttpApi".equals(resource.getValue().path("Type").asText())) {
                return;
            }
            resource.getValue().path("Properties").path("Auth").path("Authorizers").properties().forEach(authorizer -> {
                JsonNode identity = authorizer.getValue().path("Identity");
                String parameter = identity.path("ReauthorizeEvery").path("Ref").asText(null);
                JsonNode definition = template.path("Parameters").path(parameter == null ? "" : parameter);
                if (parameter != null && "Number".equals(definition.path("Type").asText())
                        && definition.path("Default").canConvertToInt()) {
                    ((ObjectNode) identity).put("ReauthorizeEvery", definition.path("Default").asInt());
                }
            });
        });
        return template;
    }

    @Test
    void template_validatesAgainstTheSamSchema() {
        assertThat(samSchema.validate(template())).isEmpty();
    }

    @Test
    void theAuthorizerCacheTtl_isTheOnlyValueReadAsItsParameterDefault() {
        ObjectNode raw = JSON.valueToTree(CloudFormationYaml.read(Repository.template()));

        Set<ValidationMessage> errors = samSchema.validate(raw);

        assertThat(errors).as("the raw template deviates from the schema only at ReauthorizeEvery")
                .allSatisfy(error -> assertThat(error.getInstanceLocation().toString())
                        .startsWith("$.Resources.TrackingApi"));
        assertThat(errors.toString()).contains("ReauthorizeEvery");
        assertThat(raw.at("/Resources/TrackingApi/Properties/Auth/Authorizers/ApiKeyAuthorizer/Identity/ReauthorizeEvery/Ref")
                .asText()).isEqualTo("AuthorizerCacheTtlSeconds");
    }

    @Test
    void aMisspelledFunctionProperty_failsTheSchema() {
        ObjectNode broken = template();
        ObjectNode properties = (ObjectNode) broken.at("/Resources/TrackEventV2Function/Properties");
        properties.set("Handlr", properties.remove("Handler"));

        Set<ValidationMessage> errors = samSchema.validate(broken);

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("Handlr");
    }

    @Test
    void anUnknownTracingMode_failsTheSchema() {
        ObjectNode broken = template();
        ((ObjectNode) broken.at("/Globals/Function")).put("Tracing", "Sometimes");

        assertThat(samSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void aServerlessResourceOfAnUnknownKind_failsTheSchema() {
        ObjectNode broken = template();
        JsonNode api = broken.at("/Resources/TrackingApi");
        ((ObjectNode) api).put("Type", "AWS::Serverless::HttpApiGateway");

        assertThat(samSchema.validate(broken)).isNotEmpty();
    }
}
