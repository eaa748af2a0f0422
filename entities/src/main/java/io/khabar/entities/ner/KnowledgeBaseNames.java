package io.khabar.entities.ner;

/** Adds the knowledge base's names to a gazetteer (filled in once the knowledge module is wired). */
final class KnowledgeBaseNames {
    private KnowledgeBaseNames() {
    }

    static void addTo(Gazetteer g, WordKeys keys, String language) {
    }
}
