package io.khabar.entities.ner;

import io.khabar.events.Span;
import io.khabar.text.Scripts;
import io.khabar.text.Scores;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds names in text with the trained models: Arabic ({@code ner-ar}) and English ({@code ner-en}). Text in
 * another language goes to the model of its script (Persian and Urdu to Arabic, Latin-script languages to English).
 * Runs sentence by sentence, so the caller's sentence spans bound each decoding. Thread-safe.
 */
public final class EntityRecognizer {
    private static final int MAX_SENTENCE_TOKENS = 400;
    private final Map<String, NerModel> models;
    private final WordKeys keys;

    public EntityRecognizer(Map<String, NerModel> models, WordKeys keys) {
        this.models = Map.copyOf(models);
        this.keys = keys;
    }

    /** The models shipped in this module's resources. */
    public static EntityRecognizer loadDefault(WordKeys keys) {
        return new EntityRecognizer(Map.of("ar", resource("ner-ar.bin.gz", keys), "en", resource("ner-en.bin.gz", keys)),
                keys);
    }

    private static NerModel resource(String name, WordKeys keys) {
        try (InputStream in = EntityRecognizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("NER model " + name + " is missing from the classpath;"
                        + " build it with entities/scripts/train-ner");
            }
            return NerModel.read(in, keys.analyzer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model " + name, e);
        }
    }

    /** The model for a language tag, falling back on the script of the sample text. */
    public NerModel modelFor(String language, CharSequence sample) {
        String lang = language == null ? "und" : language.toLowerCase(java.util.Locale.ROOT);
        int dash = lang.indexOf('-');
        NerModel m = models.get(dash > 0 ? lang.substring(0, dash) : lang);
        if (m != null) {
            return m;
        }
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < Math.min(sample.length(), 400); i++) {
            char c = sample.charAt(i);
            if (Scripts.inArabicBlock(c)) {
                arabic++;
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin++;
            }
        }
        return arabic > latin ? models.get("ar") : models.get("en");
    }

    /**
     * Names in {@code text}, sentence by sentence, each model's sentences tagged as one document (a second pass sees
     * how the rest of the article labels a word: {@link NerModel#tagDocument}). {@code sentences} may be empty: lines
     * are used then. {@code languageAt} gives the language of the paragraph around an offset.
     */
    public List<NamedSpan> find(String text, List<Span> sentences, java.util.function.IntFunction<String> languageAt) {
        List<Span> units = sentences.isEmpty() ? lines(text) : sentences;
        List<Chunk> chunks = new ArrayList<>();
        Map<NerModel, List<Chunk>> byModel = new java.util.IdentityHashMap<>();
        for (Span s : units) {
            NerModel model = modelFor(languageAt.apply(s.start()), text.subSequence(s.start(), s.end()));
            if (model == null) {
                continue;
            }
            int[] bounds = Tokenizer.tokenize(text, s.start(), s.end());
            for (int from = 0; from < bounds.length / 2; from += MAX_SENTENCE_TOKENS) {
                int to = Math.min(bounds.length / 2, from + MAX_SENTENCE_TOKENS);
                String[] tokens = new String[to - from];
                for (int k = from; k < to; k++) {
                    tokens[k - from] = text.substring(bounds[2 * k], bounds[2 * k + 1]);
                }
                Chunk chunk = new Chunk(model, bounds, from, tokens);
                chunks.add(chunk);
                byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(chunk);
            }
        }
        byModel.forEach((model, own) -> {
            String[][] tokens = new String[own.size()][];
            float[][] margins = new float[own.size()][];
            for (int i = 0; i < own.size(); i++) {
                tokens[i] = own.get(i).tokens;
                margins[i] = own.get(i).margins;
            }
            int[][] labels = model.tagDocument(tokens, margins);
            for (int i = 0; i < own.size(); i++) {
                own.get(i).labels = labels[i];
            }
        });
        List<NamedSpan> out = new ArrayList<>();
        for (Chunk chunk : chunks) {
            spans(text, chunk, out);
        }
        return out;
    }

    /**
     * One tagged run of a sentence's tokens, at most {@link #MAX_SENTENCE_TOKENS} of them from token {@code from} of
     * the sentence's {@code bounds}; its labels and margins are filled in by its model's document pass.
     */
    private static final class Chunk {
        final NerModel model;
        final int[] bounds;
        final int from;
        final String[] tokens;
        final float[] margins;
        int[] labels;

        Chunk(NerModel model, int[] bounds, int from, String[] tokens) {
            this.model = model;
            this.bounds = bounds;
            this.from = from;
            this.tokens = tokens;
            this.margins = new float[tokens.length];
        }
    }

    private void spans(String text, Chunk chunk, List<NamedSpan> out) {
        String[] tokens = chunk.tokens;
        float[] margins = chunk.margins;
        int[] bounds = chunk.bounds;
        int from = chunk.from;
        String modelVersion = chunk.model.version();
        for (long span : SpanScore.spans(chunk.labels)) {
            int a = (int) (span >>> 40);
            int b = (int) ((span >>> 8) & 0xffffffffL);
            int type = (int) (span & 0xff);
            double conf = 1;
            for (int k = a; k < b; k++) {
                conf = Math.min(conf, 1 / (1 + Math.exp(-margins[k] / 4.0)));
            }
            int start = bounds[2 * (from + a)] + keys.procliticLength(tokens[a]);
            int end = bounds[2 * (from + b - 1) + 1];
            String[] nameTokens = java.util.Arrays.copyOfRange(tokens, a, b);
            int[] nameBounds = java.util.Arrays.copyOfRange(bounds, 2 * (from + a), 2 * (from + b));
            out.add(new NamedSpan(start, end, EntityLabels.TYPES.get(type), nameTokens, nameBounds,
                    Scores.round3(conf), modelVersion));
        }
    }

    private static List<Span> lines(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i > start) {
                    out.add(new Span(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
