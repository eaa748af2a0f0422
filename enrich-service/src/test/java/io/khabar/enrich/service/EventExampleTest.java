package io.khabar.enrich.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.Duplicate;
import io.khabar.events.EventJson;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/examples/article-enriched.json} is what the pipeline's own code makes of its title and text today:
 * ingest's normalizer, then this service's enrichment, as the current schema version writes it; beside it, the
 * received and normalized events of the same article ({@code article-received.json}, {@code article-normalized.json}).
 * When the code changes what it finds, regenerate the examples: {@code ./mvnw -pl enrich-service verify
 * -Dtest=EventExampleTest -Dkhabar.examples.write=true}. The events module checks every example against its schema.
 */
class EventExampleTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");
    private static final Path EXAMPLE = EXAMPLES.resolve("article-enriched.json");

    @Test
    void theDocumentedExampleIsWhatTheCodeWrites() throws Exception {
        JsonNode example = EventJson.mapper().readTree(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
        String title = example.get("title").asText();
        String text = example.get("text").asText();
        NormalizedArticle n = new ArticleNormalizer().normalize(ArticleNormalizer.Input.of(title, text));
        Instant received = Instant.parse("2017-11-21T06:00:00Z");
        documented("article-received.json", new ArticleReceived(ArticleReceived.SCHEMA_VERSION,
                "0b8f4f6e-5d0c-4a8e-9b53-3f0c2f1d8a11", "example-1", received, "example", null, title, text, null,
                null, List.of(), "native"), ArticleReceived.class);
        ArticleNormalized normalized = new ArticleNormalized(ArticleNormalized.SCHEMA_VERSION, "example-normalized",
                "example-1", 1511244000000000L, "sha", received, received.plusMillis(50), "example", null, n.title(),
                n.text(), n.language(), n.languageConfidence(), null, List.of(), n.paragraphs(), n.facts(),
                n.metadata(), null, new Duplicate(Duplicate.UNIQUE, null, 0));
        documented("article-normalized.json", normalized, ArticleNormalized.class);
        ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        ArticleEnriched e = enricher.enrich(normalized, received.plusMillis(80));
        ArticleEnriched fixed = new ArticleEnriched(e.schemaVersion(), "856fd381-8e27-4300-af78-a89daccdb892",
                e.articleId(), e.revision(), e.contentHash(), e.receivedAt(), e.normalizedAt(), e.enrichedAt(),
                e.source(), e.url(), e.title(), e.text(), e.language(), e.languageConfidence(), e.publishedAt(),
                e.authors(), e.paragraphs(), e.annotations(), e.entities(), e.facts(), e.metadata(), e.matching(),
                e.duplicate(), e.provenance(), e.keywords());
        documented("article-enriched.json", fixed, ArticleEnriched.class);
    }

    /** Writes the example when asked to, checks that the committed one is this event, and that it reads back. */
    private static <T> void documented(String name, T event, Class<T> type) throws Exception {
        Path file = EXAMPLES.resolve(name);
        String written = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
        if (Boolean.getBoolean("khabar.examples.write")) {
            Files.writeString(file, written, StandardCharsets.UTF_8);
        }
        assertThat(file).as(file + " is missing: regenerate it (see this test's comment)").exists();
        assertThat(EventJson.mapper().readTree(written))
                .as("docs/examples/" + name + " is stale: regenerate it (see this test's comment)")
                .isEqualTo(EventJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        assertThat(EventJson.read(written.getBytes(StandardCharsets.UTF_8), type)).isEqualTo(event);
    }
}
