package dev.trackingapi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.trackingapi.deployment.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/** infrastructure/samconfig.toml, as `sam build|deploy --config-file infrastructure/samconfig.toml` reads it from the root. */
class SamConfigTest {
    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static JsonNode config() throws IOException {
        return new TomlMapper().readTree(Repository.samConfig().toFile());
    }

    @Test
    void buildReadsTheRootTemplate_andDeployTheBuiltOne() throws IOException {
        JsonNode config = config();
        assertThat(config.path("version").asDouble()).isEqualTo(0.1);
        assertThat(Repository.root().resolve(config.at("/default/build/parameters/template_file").asText()))
                .isEqualTo(Repository.template());
        assertThat(config.at("/default/deploy/parameters/template_file").asText()).isEqualTo(".aws-sam/build/template.yaml");
        assertThat(config.at("/default/global/parameters/stack_name").asText()).isNotBlank();
        assertThat(config.at("/default/deploy/parameters/capabilities").asText()).isEqualTo("CAPABILITY_IAM");
        assertThat(config.at("/default/deploy/parameters/resolve_s3").asBoolean()).isTrue();
        assertThat(config.at("/default/deploy/parameters/confirm_changeset").asBoolean()).isTrue();
    }

    @Test
    void everyParameterOverride_isATemplateParameter_withAnAllowedValue() throws IOException {
        String overrides = config().at("/default/deploy/parameters/parameter_overrides").asText();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = OVERRIDE.matcher(overrides);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        assertThat(values).isNotEmpty();
        Map<String, Object> parameters = SamTemplate.read(Repository.template()).parameters();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Map<String, Object> parameter = map(parameters.get(value.getKey()));
            assertThat(parameter).as(value.getKey() + " is a template parameter").isNotEmpty();
            String given = value.getValue();
            if (parameter.get("AllowedValues") instanceof List<?> allowed) {
                assertThat(allowed.stream().map(String::valueOf)).as(value.getKey()).contains(given);
            }
            if (parameter.get("AllowedPattern") instanceof String pattern) {
                assertThat(given).as(value.getKey()).matches(pattern);
            }
            if ("Number".equals(parameter.get("Type"))) {
                long number = Long.parseLong(given);
                if (parameter.get("MinValue") instanceof Number min) {
                    assertThat(number).as(value.getKey()).isGreaterThanOrEqualTo(min.longValue());
                }
                if (parameter.get("MaxValue") instanceof Number max) {
                    assertThat(number).as(value.getKey()).isLessThanOrEqualTo(max.longValue());
                }
            }
        }
    }
}
