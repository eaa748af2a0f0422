package io.khabar.entities;

import io.khabar.entities.linking.EntityLinker;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.matching.MatchingAnalyzer;

import java.util.List;
import java.util.Optional;

/** Test helper: one extractor for the test JVM, and articles normalized as ingest-service does before extraction. */
final class Articles {
    static final EntityExtractor EXTRACTOR = EntityExtractor.load(new MatchingAnalyzer(), List.of());
    private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

    record Extracted(NormalizedArticle article, EntityLinker.Result result) {
        String text() {
            return article.text();
        }

        Optional<ArticleEntity> entity(String id) {
            return result.entities().stream().filter(e -> e.id().equals(id)).findFirst();
        }

        ArticleEntity require(String id) {
            return entity(id).orElseThrow(() -> new AssertionError("no entity " + id + " among " + ids()));
        }

        List<String> ids() {
            return result.entities().stream().map(e -> e.id() + " " + e.type() + " " + e.name()).toList();
        }

        List<String> mentionTexts(String id) {
            return require(id).mentions().stream().map(this::at).toList();
        }

        List<String> adjectiveTexts(String id) {
            return require(id).adjectives().stream().map(this::at).toList();
        }

        String at(Span s) {
            return article.text().substring(s.start(), s.end());
        }

        /** The entity ids whose mentions have exactly this text. */
        List<String> idsNamed(String name) {
            return result.annotations().stream().filter(a -> a.kind().equals("entity"))
                    .filter(a -> article.text().substring(a.start(), a.end()).equals(name))
                    .map(Annotation::value).distinct().toList();
        }

        List<Annotation> quotes(String type) {
            return result.annotations().stream().filter(a -> a.kind().equals("quote") && a.type().equals(type))
                    .toList();
        }

        String quoted(Annotation quote) {
            return article.text().substring(quote.start(), quote.end());
        }

        List<String> typesOf(String id) {
            return result.annotations().stream().filter(a -> a.kind().equals("entity") && a.value().equals(id))
                    .map(Annotation::type).distinct().toList();
        }
    }

    static Extracted extract(String title, String body) {
        NormalizedArticle n = NORMALIZER.normalize(ArticleNormalizer.Input.of(title, body));
        return new Extracted(n, EXTRACTOR.extract(n.text(), n.title(), n.language(), n.facts().sentences(),
                n.paragraphs(), n.facts().paragraphLanguages().stream()
                        .filter(p -> !p.language().equals(n.language())).toList()));
    }

    private static final java.nio.file.Path NEWS = java.nio.file.Path.of("../../shared/data/news");

    /** A real article of ../shared/data/news by its id (BBC) or URL (SaudiNewsNet), extracted. */
    static Extracted article(String file, String field, String id) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : java.nio.file.Files.readAllLines(NEWS.resolve(file),
                java.nio.charset.StandardCharsets.UTF_8)) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            if (id.equals(n.path("url").asText()) || id.equals(n.path("id").asText())) {
                return extract(n.path("title").asText(), n.path(field).asText());
            }
        }
        throw new AssertionError("no article " + id + " in " + file);
    }

    static Extracted saudi(String url) throws java.io.IOException {
        return article("ar/saudinewsnet/sample_00.jsonl", "content", url);
    }

    static Extracted bbc(String id) throws java.io.IOException {
        return article("en/bbc/bbc_00.jsonl", "body", id);
    }

    static int occurrences(String text, String word) {
        int count = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            count++;
        }
        return count;
    }

    private Articles() {
    }
}
