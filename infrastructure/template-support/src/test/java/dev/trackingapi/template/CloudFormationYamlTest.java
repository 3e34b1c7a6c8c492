package dev.trackingapi.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudFormationYamlTest {
    @TempDir
    Path directory;

    @Test
    void shortFormIntrinsics_readAsTheLongFormsCloudFormationSees() throws IOException {
        Path template = directory.resolve("template.yaml");
        Files.writeString(template, String.join("\n",
                "ref: !Ref Table",
                "getAtt: !GetAtt Table.Arn",
                "getAttList: !GetAtt [Table, StreamArn]",
                "sub: !Sub '${AWS::Region}-x'",
                "join: !Join [':', [a, !Ref B]]",
                "if: !If [IsProd, 1, 2]",
                "plain: text"));

        Map<String, Object> read = CloudFormationYaml.read(template);

        assertThat(read).containsEntry("ref", Map.of("Ref", "Table"))
                .containsEntry("getAtt", Map.of("Fn::GetAtt", List.of("Table", "Arn")))
                .containsEntry("getAttList", Map.of("Fn::GetAtt", List.of("Table", "StreamArn")))
                .containsEntry("sub", Map.of("Fn::Sub", "${AWS::Region}-x"))
                .containsEntry("join", Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "B")))))
                .containsEntry("if", Map.of("Fn::If", List.of("IsProd", 1, 2)))
                .containsEntry("plain", "text");
    }

    @Test
    void aMissingFile_isAClearError() {
        Path missing = directory.resolve("nothing.yaml");

        assertThatThrownBy(() -> CloudFormationYaml.read(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read " + missing);
    }
}
