package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas of the events are generated from the records (victools, with the events' own Jackson settings and
 * the records' Javadoc as descriptions) and committed under {@code src/main/resources/schemas/}; this test fails when
 * a record changes and the committed schema does not. Regenerate:
 * {@code ./mvnw -pl events verify -Dtest=EventSchemasTest -Dkhabar.schemas.write=true}.
 */
class EventSchemasTest {
    static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    /** The record each CloudEvents type carries. */
    static final Map<String, Class<?>> RECORDS = Map.of(
            NativeArticle.SCHEMA, NativeArticle.class,
            CloudEventTypes.RECEIVED, ArticleReceived.class,
            CloudEventTypes.NORMALIZED, ArticleNormalized.class,
            CloudEventTypes.ENRICHED, ArticleEnriched.class);

    @Test
    void theCommittedSchemasAreTheOnesTheRecordsGenerate() throws IOException {
        assertThat(RECORDS.keySet()).containsAll(CloudEventTypes.ALL).contains(NativeArticle.SCHEMA);
        for (String type : RECORDS.keySet()) {
            String generated = EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(generate(type)) + "\n";
            Path file = SCHEMAS.resolve(type + ".schema.json");
            if (Boolean.getBoolean("khabar.schemas.write")) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            assertThat(file).as("the schema of " + type + " is missing: regenerate (see this test's comment)").exists();
            assertThat(EventJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)))
                    .as(file + " is stale: regenerate it (see this test's comment)")
                    .isEqualTo(EventJson.mapper().readTree(generated));
        }
    }

    @Test
    void eachSchemaIsOnTheClasspathUnderItsDataSchemaAndNamesIt() throws IOException {
        for (String type : RECORDS.keySet()) {
            String dataSchema = CloudEventTypes.dataSchema(type);
            try (InputStream in = EventSchemasTest.class.getResourceAsStream(CloudEventTypes.schemaResource(dataSchema))) {
                assertThat(in).as(dataSchema).isNotNull();
                JsonNode schema = EventJson.mapper().readTree(in);
                assertThat(schema.path("$id").asText()).isEqualTo(dataSchema);
                assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            }
        }
    }

    @Test
    void aWrittenEventValidatesAndABrokenOneDoesNot() throws IOException {
        ArticleReceived received = new ArticleReceived(ArticleReceived.SCHEMA_VERSION, "e-1", "a-1",
                java.time.Instant.parse("2026-12-05T10:00:00Z"), "wire", "https://example.com/a", "A title",
                "<p>Body</p>", "en", "2026-12-05", List.of("A. Writer"), "native");
        JsonSchema schema = schemaOf(CloudEventTypes.RECEIVED);
        assertThat(schema.validate(EventJson.mapper().readTree(EventJson.toBytes(received)))).isEmpty();

        ObjectNode broken = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(received));
        broken.remove("articleId");
        broken.put("receivedAt", "yesterday");
        broken.put("schemaVersion", "one");
        Set<ValidationMessage> errors = schema.validate(broken);
        assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n")))
                .contains("articleId").contains("receivedAt").contains("schemaVersion");
    }

    @Test
    void spansAreTwoNumbersAndEntityRowsNeedTheirId() throws IOException {
        JsonSchema schema = schemaOf(CloudEventTypes.ENRICHED);
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree("""
                {"schemaVersion": 2, "eventId": "e", "articleId": "a", "revision": 1, "receivedAt": "2026-12-05T10:00:00Z",
                 "languageConfidence": 0.9, "paragraphs": [[0, 4]],
                 "entities": [{"id": "Q1", "mentions": [[0, 4]], "salience": 1.0, "confidence": 0.8}]}""");
        assertThat(schema.validate(event)).isEmpty();
        event.withArray("paragraphs").set(0, EventJson.mapper().readTree("[0, 4, 9]"));
        ((ObjectNode) event.withArray("entities").get(0)).remove("id");
        String errors = schema.validate(event).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.joining("\n"));
        assertThat(errors).contains("paragraphs").contains("id");
    }

    static JsonSchema schemaOf(String type) throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(
                CloudEventTypes.schemaResource(CloudEventTypes.dataSchema(type)))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                    EventJson.mapper().readTree(in), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    /** One type's schema, from its record. */
    static ObjectNode generate(String type) throws IOException {
        Class<?> record = RECORDS.get(type);
        Map<Class<?>, Javadoc> docs = new HashMap<>();
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(EventJson.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // A span is written as [start, end] (Span.Writer).
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) ->
                javaType.getErasedType() != Span.class ? null : new CustomDefinition(context.getGeneratorConfig()
                        .createObjectNode().put("type", "array").put("minItems", 2).put("maxItems", 2)
                        .put("description", "[start, end): UTF-16 offsets into the text, start inclusive")
                        .set("items", context.getGeneratorConfig().createObjectNode().put("type", "integer")
                                .put("minimum", 0)), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO));
        // The version 1 matching layer is read, never written by version 2: not part of the current schema.
        config.forFields().withIgnoreCheck(f -> f.getType().getErasedType() == MatchingText.class);
        config.forFields().withRequiredCheck(EventSchemasTest::alwaysWritten);
        config.forFields().withDescriptionResolver(f -> f.isFakeContainerItemScope() ? null : docs
                .computeIfAbsent(f.getDeclaringType().getErasedType(), Javadoc::of).params.get(f.getName()));
        config.forTypesInGeneral().withDescriptionResolver(t -> t.getType().getErasedType().isRecord()
                ? docs.computeIfAbsent(t.getType().getErasedType(), Javadoc::of).summary : null);
        ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(record);
        ObjectNode schema = EventJson.mapper().createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$id", CloudEventTypes.dataSchema(type))
                .put("title", type);
        schema.setAll(generated);
        return schema;
    }

    /**
     * Written on every event: the identity every {@link PipelineEvent} carries, numbers and booleans that are never
     * left out (they have no null), and what a record's constructor insists on ({@code @JsonProperty(required)}).
     */
    private static boolean alwaysWritten(FieldScope field) {
        Class<?> owner = field.getDeclaringType().getErasedType();
        String name = field.getName();
        if (PipelineEvent.class.isAssignableFrom(owner)
                && (name.equals("schemaVersion") || Arrays.stream(PipelineEvent.class.getMethods())
                .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0 && !m.isDefault()))) {
            return true;
        }
        JsonInclude include = field.getAnnotationConsideringFieldAndGetter(JsonInclude.class);
        boolean leftOutWhenDefault = include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.NON_NULL;
        return field.getType().getErasedType().isPrimitive() && !leftOutWhenDefault;
    }

    /** A record's Javadoc, read from its source: the first sentence and the {@code @param} texts. */
    record Javadoc(String summary, Map<String, String> params) {
        private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@param|@see|$)",
                Pattern.DOTALL);

        static Javadoc of(Class<?> type) {
            Path source = Path.of("src/main/java", type.getName().replace('.', '/').replace('$', '/') + ".java");
            if (type.getEnclosingClass() != null) {
                return new Javadoc(null, Map.of());
            }
            String text;
            try {
                text = Files.readString(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return new Javadoc(null, Map.of());
            }
            Matcher block = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+record\\s+"
                    + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(text);
            if (!block.find()) {
                return new Javadoc(null, Map.of());
            }
            String doc = block.group(1);
            int last = doc.lastIndexOf("/**");
            doc = (last >= 0 ? doc.substring(last + 3) : doc).replaceAll("(?m)^\\s*\\*\\s?", "");
            int tags = doc.indexOf("@param");
            String body = clean(tags < 0 ? doc : doc.substring(0, tags));
            int stop = body.indexOf(". ");
            String summary = stop < 0 ? body : body.substring(0, stop + 1);
            Map<String, String> params = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(doc);
            while (m.find()) {
                params.put(m.group(1), clean(m.group(2)));
            }
            try { // the version this code writes, instead of the constant's name
                String version = String.valueOf(type.getField("SCHEMA_VERSION").get(null));
                params.replaceAll((name, said) -> said.replace("SCHEMA_VERSION", version));
            } catch (ReflectiveOperationException e) {
                // a record without a schema version of its own
            }
            return new Javadoc(summary.isEmpty() ? null : summary, params);
        }

        /** Javadoc markup to plain text: {@code {@code x}} and {@code {@link A#b()}} as their words. */
        private static String clean(String s) {
            return s.replaceAll("\\{@(?:code|literal) ([^}]*)}", "$1")
                    .replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([^}\\s(]*)(?:\\([^)]*\\))?(?: ([^}]*))?}", "$1")
                    .replaceAll("</?(?:p|b|i|em|strong|ul|ol|li|br)\\s*/?>", "").replaceAll("\\s+", " ").trim();
        }
    }
}
