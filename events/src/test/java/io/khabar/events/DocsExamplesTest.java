package io.khabar.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file in {@code docs/examples} is valid against the schema it claims: {@code article-<kind>.json} against the
 * committed schema of the event {@code io.khabar.article.<kind>}, {@code *.ninjs.json} against IPTC's ninjs schema
 * (from {@code ../shared/data/schemas/ninjs}), and the producer formats ({@code *.native.json}, each NDJSON line)
 * against the native article's schema. A file of any other name fails, so no example goes unchecked.
 */
class DocsExamplesTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");
    private static final Path NINJS = Path.of("../../shared/data/schemas/ninjs/specification");
    private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @Test
    void everyExampleIsValidAgainstItsSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<String> checked = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith(".ndjson")) {
                int line = 0;
                for (String json : text.split("\n")) {
                    line++;
                    if (!json.isBlank()) {
                        check(name + ":" + line, nativeSchema(), EventJson.mapper().readTree(json));
                    }
                }
            } else if (name.endsWith(".ninjs.json")) {
                check(name, ninjsSchema("3.1"), EventJson.mapper().readTree(text));
            } else if (name.endsWith(".native.json")) {
                check(name, nativeSchema(), EventJson.mapper().readTree(text));
            } else if (name.startsWith("article-") && name.endsWith(".json")) {
                String kind = name.substring("article-".length(), name.length() - ".json".length());
                String type = CloudEventTypes.ALL.stream().filter(t -> t.startsWith("io.khabar.article." + kind + "."))
                        .findFirst().orElseThrow(() -> new AssertionError(name + ": no event of kind " + kind));
                check(name, EventSchemasTest.schemaOf(type), EventJson.mapper().readTree(text));
            } else {
                fail("docs/examples/" + name + ": no schema is known for this name; name it article-<event>.json,"
                        + " *.native.json, *.ninjs.json or *.ndjson");
            }
            checked.add(name);
        }
        assertThat(checked).contains("article-enriched.json", "article-normalized.json", "article-received.json",
                "article.native.json", "article.ninjs.json", "articles.ndjson");
    }

    @Test
    void aBrokenExampleWouldFail() throws IOException {
        JsonNode ninjs = EventJson.mapper().readTree(Files.readString(EXAMPLES.resolve("article.ninjs.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) ninjs).put("firstCreated", "not a date");
        assertThat(ninjsSchema("3.1").validate(ninjs)).isNotEmpty();
        JsonNode enriched = EventJson.mapper().readTree(Files.readString(EXAMPLES.resolve("article-enriched.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) enriched).remove("eventId");
        assertThat(EventSchemasTest.schemaOf(CloudEventTypes.ENRICHED).validate(enriched)).isNotEmpty();
    }

    private static void check(String what, JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).as("docs/examples/" + what + " against " + schema.getSchemaNode().path("$id").asText())
                .isEmpty();
    }

    static JsonSchema ninjsSchema(String version) throws IOException {
        Path file = NINJS.resolve("ninjs-schema_" + version + ".json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)), FORMATS);
    }

    static JsonSchema nativeSchema() throws IOException {
        return EventSchemasTest.schemaOf(NativeArticle.SCHEMA);
    }
}
