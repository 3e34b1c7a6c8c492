package dev.trackingapi.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template, turning the short-form intrinsic tags into their long forms
 * ({@code !Ref X} into {@code {Ref: X}}, {@code !GetAtt A.B} into {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s}
 * into {@code {Fn::Sub: s}}, ...), exactly as CloudFormation reads them.
 */
public final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
            "If", "ImportValue", "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path template) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new IntrinsicsConstructor(options));
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) yaml.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + template + ": " + e.getMessage(), e);
        }
    }

    private static final class IntrinsicsConstructor extends SafeConstructor {
        IntrinsicsConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private Object contents(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(name, contents(node));
            }
        }

        /** {@code !GetAtt Resource.Attribute} is the list form [Resource, Attribute]. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object contents = contents(node);
                if (contents instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    contents = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", contents);
            }
        }
    }
}
