package io.khabar.enrich.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What {@code POST /enrichments} returns: the fields the enriched event would carry for this text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The enrichment of the text, as the pipeline's enriched event carries it; offsets index `text`")
public record EnrichmentResponse(String title, String text, String language, double languageConfidence,
                                 Instant publishedAt, List<Span> paragraphs, List<Span> sentences,
                                 List<Annotation> annotations, List<ArticleEntity> entities) {
}
