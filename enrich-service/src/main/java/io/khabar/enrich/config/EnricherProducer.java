package io.khabar.enrich.config;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.matching.MatchingAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the one {@link ArticleEnricher} that the Kafka stage and the REST playground share. */
@ApplicationScoped
public class EnricherProducer {
    private static final Logger LOG = Logger.getLogger(EnricherProducer.class);

    @Produces
    @Singleton
    ArticleEnricher enricher(EnrichConfig config) {
        if (!config.entities()) {
            LOG.info("enrichment is off (khabar.enrich.entities=false): only languages are annotated");
            return new ArticleEnricher(ArticleEnricher.Annotators.none());
        }
        List<Path> extra = config.knowledgeFiles().orElse(List.of()).stream().map(Path::of).toList();
        for (Path p : extra) {
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("khabar.enrich.knowledge-files: cannot read " + p.toAbsolutePath());
            }
        }
        long t0 = System.nanoTime();
        EntityExtractor extractor = EntityExtractor.load(new MatchingAnalyzer(), extra);
        LOG.infof("entity models and knowledge base loaded in %d ms (%d extra knowledge files)",
                (System.nanoTime() - t0) / 1_000_000, extra.size());
        return new ArticleEnricher(ArticleEnricher.Annotators.all(extractor, java.time.ZoneId.of(config.timeZone())));
    }
}
