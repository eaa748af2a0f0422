package io.khabar.enrich.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.Duplicate;
import io.khabar.events.EventJson;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.normalize.matching.MatchingAnalyzer;
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
 * ingest's normalizer, then this service's enrichment, as the current schema version writes it. When the code
 * changes what it finds, regenerate the example: {@code ./mvnw -pl enrich-service verify -Dtest=EventExampleTest
 * -Dkhabar.examples.write=true}.
 */
class EventExampleTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/article-enriched.json");

    @Test
    void theDocumentedExampleIsWhatTheCodeWrites() throws Exception {
        JsonNode documented = EventJson.mapper().readTree(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
        String title = documented.get("title").asText();
        String text = documented.get("text").asText();
        NormalizedArticle n = new ArticleNormalizer().normalize(ArticleNormalizer.Input.of(title, text));
        Instant received = Instant.parse("2017-11-21T06:00:00Z");
        ArticleNormalized normalized = new ArticleNormalized(ArticleNormalized.SCHEMA_VERSION, "example-normalized",
                "example-1", 1511244000000000L, "sha", received, received.plusMillis(50), "example", null, n.title(),
                n.text(), n.language(), n.languageConfidence(), null, List.of(), n.paragraphs(), n.facts(),
                n.metadata(), null, new Duplicate(Duplicate.UNIQUE, null, 0));
        ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        ArticleEnriched e = enricher.enrich(normalized, received.plusMillis(80));
        ArticleEnriched fixed = new ArticleEnriched(e.schemaVersion(), "856fd381-8e27-4300-af78-a89daccdb892",
                e.articleId(), e.revision(), e.contentHash(), e.receivedAt(), e.normalizedAt(), e.enrichedAt(),
                e.source(), e.url(), e.title(), e.text(), e.language(), e.languageConfidence(), e.publishedAt(),
                e.authors(), e.paragraphs(), e.annotations(), e.entities(), e.facts(), e.metadata(), e.matching(),
                e.duplicate(), e.provenance());
        String written = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(fixed) + "\n";
        if (Boolean.getBoolean("khabar.examples.write")) {
            Files.writeString(EXAMPLE, written, StandardCharsets.UTF_8);
        }
        assertThat(EventJson.mapper().readTree(written))
                .as("docs/examples/article-enriched.json is stale: regenerate it (see this test's comment)")
                .isEqualTo(documented);
        assertThat(EventJson.read(written.getBytes(StandardCharsets.UTF_8), ArticleEnriched.class)).isEqualTo(fixed);
    }
}
