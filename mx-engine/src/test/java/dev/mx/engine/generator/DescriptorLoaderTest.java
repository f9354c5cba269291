package dev.mx.engine.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DescriptorLoaderTest {
    private static GeneratorDescriptor parse(String text) {
        return DescriptorLoader.parse(Path.of("."), GeneratorOrigin.PROJECT, "g/generator.yaml", text);
    }

    @Test
    void readsAFullDescriptor() {
        GeneratorDescriptor g = parse("""
                id: demo
                version: 1.2.0
                description: A demo.
                requires: [base]
                parameters:
                  - name: project_name
                    type: string
                    default: "[=project_dir_name]"
                    pattern: '^[a-z]+$'
                    scope: project
                    required: true
                  - name: gpus
                    type: int
                    min: 1
                    max: 8
                    default: 1
                  - name: cloud
                    type: enum
                    choices: [gcp, none]
                    default: gcp
                  - name: engineers
                    type: list
                    default: []
                files:
                  root: files
                  when:
                    "terraform/**": 'cloud == "gcp"'
                manifests:
                  - file: devspace.yaml
                    create: base.yaml.ftl
                    keys:
                      - path: deployments.demo
                        template: d.yaml.ftl
                next_steps: next.txt.ftl
                """);
        assertEquals("demo", g.id());
        assertEquals(List.of("base"), g.requires());
        assertEquals(4, g.parameters().size());
        assertTrue(g.parameters().get(0).projectScoped());
        assertEquals(ParameterType.LIST, g.parameters().get(3).type());
        assertEquals(List.of(), g.parameters().get(3).defaultExpression());
        assertEquals(8L, g.parameters().get(1).max());
        assertEquals("cloud == \"gcp\"", g.fileConditions().get("terraform/**"));
        assertEquals("deployments.demo", g.manifests().get(0).keys().get(0).path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id: demo\\nversion: 1\\ndescription: d\\nparameters:\\n  - name: x\\n    type: float|6:11|unknown parameter type 'float'",
        "id: demo\\nversion: 1\\ndescription: d\\nbogus: 1|4:1|unknown key 'bogus'",
        "id: Demo\\nversion: 1\\ndescription: d|1:5|generator id 'Demo'",
        "id: demo\\ndescription: d|1:1|missing required key 'version'",
        "id: demo\\nversion: 1\\ndescription: d\\nparameters:\\n  - name: x\\n    type: int\\n    min: lots|7:10|whole number",
        "id: demo\\nversion: 1\\ndescription: d\\nparameters:\\n  - name: x\\n    type: enum|6:5|needs 'choices'",
        "id: demo\\nversion: 1\\ndescription: d\\nfiles:\\n  root: ../../etc|5:9|relative path inside the generator",
        "id: demo\\nversion: 1\\ndescription: d\\nparameters: {a: 1|4:18|",
    })
    void reportsMistakesWithPositions(String text, String position, String message) {
        MxException e = assertThrows(MxException.class, () -> parse(text.replace("\\n", "\n")));
        assertTrue(e.describe().startsWith("g/generator.yaml:" + position + ":"), e.describe());
        if (message != null) {
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }
}
