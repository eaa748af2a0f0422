package io.khabar.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/asyncapi.yaml} says what the code does: a channel for every topic of {@link Topics}, a message for every
 * type of {@link CloudEventTypes} (and the native producer format) whose payload is that type's committed schema, and
 * the dead-letter headers of {@link DeadLetterHeaders}.
 */
class AsyncApiTest {
    private static final Path DOC = Path.of("../docs/asyncapi.yaml");

    private final JsonNode doc;

    AsyncApiTest() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOC));
    }

    @Test
    void everyTopicIsAChannel() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyEventTypeIsAMessageWhosePayloadIsItsSchema() throws IOException {
        List<String> types = new ArrayList<>(CloudEventTypes.ALL);
        types.add(NativeArticle.SCHEMA);
        for (String type : types) {
            JsonNode message = null;
            for (Map.Entry<String, JsonNode> m : doc.path("components").path("messages").properties()) {
                if (m.getValue().path("name").asText().equals(type)) {
                    message = m.getValue();
                }
            }
            assertThat(message).as("a message named " + type).isNotNull();
            Path payload = DOC.getParent().resolve(message.path("payload").path("$ref").asText()).normalize();
            assertThat(payload).as(type + "'s payload").exists();
            assertThat(EventJson.mapper().readTree(Files.readString(payload)).path("$id").asText())
                    .isEqualTo(CloudEventTypes.dataSchema(type));
            assertThat(doc.path("channels").findValues("$ref")).extracting(JsonNode::asText)
                    .as(type + " is sent on a channel")
                    .anyMatch(ref -> doc.path("components").path("messages").has(ref.substring(ref.lastIndexOf('/') + 1))
                            && doc.path("components").path("messages").path(ref.substring(ref.lastIndexOf('/') + 1))
                            .path("name").asText().equals(type));
        }
    }

    @Test
    void theDeadLetterHeadersAreTheOnesTheStagesWrite() throws IllegalAccessException {
        List<String> written = new ArrayList<>();
        for (Field f : DeadLetterHeaders.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                written.add((String) f.get(null));
            }
        }
        List<String> documented = new ArrayList<>();
        doc.path("components").path("schemas").path("deadLetterHeaders").path("properties").fieldNames()
                .forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(written);
        assertThat(Arrays.asList(doc.path("components").path("schemas").path("cloudEventHeaders").path("required")
                .toString().split("\""))).contains("ce_dataschema", "ce_type", "ce_id");
    }
}
