package io.khabar.entities.linking;

import io.khabar.knowledge.KbEntity;

import java.util.ArrayList;
import java.util.List;

/** The mentions of one entity within an article, and what they were linked to. */
final class Cluster {
    String type;
    final List<Mention> mentions = new ArrayList<>();
    Mention representative;
    KbEntity entity;
    double linkConfidence;
    String id;
    /** Whether a title (الرئيس, President) stands before one of its mentions in the text. */
    boolean titled;

    Cluster(Mention first) {
        this.type = first.type();
        this.representative = first;
        mentions.add(first);
    }

    void add(Mention m) {
        mentions.add(m);
        if (m.words().length > representative.words().length
                || m.words().length == representative.words().length && representative.inTitle() && !m.inTitle()) {
            representative = m;
        }
    }
}
