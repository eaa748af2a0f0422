package io.khabar.store.rest;

import io.khabar.matching.MatchingAnalyzer;
import io.khabar.store.persistence.ArticleFilter;
import io.khabar.store.persistence.EntityRepository;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The article filters of {@code GET /articles} and {@code GET /stream/articles} ({@code @BeanParam}), parsed once
 * into an {@link ArticleFilter}; every refusal is a {@link BadParameter} naming the parameter.
 */
public class ArticleFilterParams {
    @Parameter(description = "words that must all occur in the title or text (at most 200 characters)")
    @QueryParam("q")
    String q;

    @Parameter(description = "an entity id (Q7747, khabar:person:...) or a name in any script (Putin, بوتين):"
            + " articles naming it")
    @QueryParam("entity")
    String entity;

    @Parameter(description = "entity type: articles naming a PERSON, ORGANIZATION, LOCATION or MISC")
    @QueryParam("type")
    String type;

    @Parameter(description = "article language (BCP 47), e.g. ar")
    @QueryParam("language")
    String language;

    @Parameter(description = "article source, exactly")
    @QueryParam("source")
    String source;

    @Parameter(description = "IPTC Media Topic code, e.g. medtop:11000000")
    @QueryParam("topic")
    String topic;

    @Parameter(description = "ISO 3166-1 alpha-2 code: articles naming a place in that country")
    @QueryParam("country")
    String country;

    @Parameter(description = "minLon,minLat,maxLon,maxLat: articles naming a place inside (minLon > maxLon"
            + " crosses the antimeridian)")
    @QueryParam("bbox")
    String bbox;

    @Parameter(description = "publishedAt at or after (ISO-8601 time or day); articles without one are left out")
    @QueryParam("from")
    String from;

    @Parameter(description = "publishedAt before (ISO-8601 time or day)")
    @QueryParam("to")
    String to;

    /** The parsed filter, and the entity ids {@code entity} resolved to (null when not given). */
    public record Parsed(ArticleFilter filter, List<String> entityIds) {
    }

    /**
     * Parses and bounds every filter; {@code q} is normalized by the analyzer that indexed the articles, {@code entity}
     * resolved through the entity names.
     */
    Parsed parse(MatchingAnalyzer matching, EntityRepository entities) throws SQLException {
        String words = null;
        String query = QueryParams.text("q", q);
        if (query != null) {
            words = matching.stems(query);
            if (words.isBlank()) {
                throw new BadParameter("q", "Invalid query", "q has no letters or digits to search for");
            }
        }
        List<String> entityIds = null;
        String entityValue = QueryParams.text("entity", entity);
        if (entityValue != null) {
            if (matching.form(entityValue).isBlank() && !entityValue.matches("[A-Za-z0-9:._-]+")) {
                throw new BadParameter("entity", "Invalid entity",
                        "entity must be an entity id or a name with letters or digits");
            }
            entityIds = entities.resolve(entityValue);
        }
        Instant fromTime = QueryParams.time("from", from);
        Instant toTime = QueryParams.time("to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new BadParameter("to", "Invalid to", "to must not be before from");
        }
        ArticleFilter filter = new ArticleFilter(words, entityIds, QueryParams.type(type),
                QueryParams.language(language), QueryParams.text("source", source), QueryParams.topic(topic),
                QueryParams.country(country), QueryParams.bbox(bbox), fromTime, toTime);
        return new Parsed(filter, entityIds);
    }
}
