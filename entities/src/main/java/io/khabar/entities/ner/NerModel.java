package io.khabar.entities.ner;

import io.khabar.matching.MatchingAnalyzer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained recognizer for one language: the gazetteers, vocabulary and word clusters it was trained with and the
 * perceptron weights, in one gzipped file. Its {@link #version()} is the language and the first 12 hex digits of the file's SHA-256, so every
 * annotation can name the exact model that produced it. Thread-safe once loaded.
 */
public final class NerModel {
    private static final int FORMAT = 5;
    /** Each tagging thread's work arrays, reused sentence after sentence (tagging allocates no per-token arrays). */
    private static final ThreadLocal<TagWork> WORK = ThreadLocal.withInitial(TagWork::new);
    private final String language;
    private final Featurizer featurizer;
    private final Perceptron perceptron;
    private final boolean documentPass;
    private final String version;

    /**
     * A model of a language from its featurizer and trained weights, as the trainer ({@code ./khabar train-ner},
     * {@code io.khabar.bench.train.TrainNer}) builds it before {@link #save}; {@code version} is empty there (a model
     * read from a file gets its version from the file's hash). {@code documentPass}: the weights were trained for
     * a second pass over a document with its {@link DocumentContext}.
     */
    public NerModel(String language, Featurizer featurizer, Perceptron perceptron, boolean documentPass,
                    String version) {
        this.language = language;
        this.featurizer = featurizer;
        this.perceptron = perceptron;
        this.documentPass = documentPass;
        this.version = version;
    }

    /**
     * Labels of one sentence's tokens, seen alone (no document pass); {@code margins} (may be null) receives the
     * per-token decision margins.
     */
    public int[] tag(String[] tokens, float[] margins) {
        return tokens.length == 0 ? new int[0] : tag(tokens, margins, WORK.get(), null);
    }

    /**
     * Labels of a document's sentences: a first pass sentence by sentence, then, with a model trained for it, a
     * second pass over the sentences whose {@link DocumentContext} disagrees with their first labels.
     * {@code margins} (may be null) holds one array per sentence for the per-token decision margins.
     */
    public int[][] tagDocument(String[][] sentences, float[][] margins) {
        TagWork work = WORK.get();
        int[][] labels = new int[sentences.length][];
        boolean second = documentPass && sentences.length > 1;
        // the first pass's label scores, kept for the second: it only adds its own features' weights to them
        float[][] emissions = second ? new float[sentences.length][] : null;
        for (int s = 0; s < sentences.length; s++) {
            String[] tokens = sentences[s];
            float[] m = margins == null ? null : margins[s];
            if (!second || tokens.length == 0) {
                labels[s] = tokens.length == 0 ? new int[0] : tag(tokens, m, work, null);
                continue;
            }
            float[] emit = work.emit(tokens.length * Perceptron.L);
            perceptron.addEmissions(featurizer.featurize(tokens, work, null), tokens.length, Featurizer.FEATURES,
                    emit, work);
            emissions[s] = java.util.Arrays.copyOf(emit, tokens.length * Perceptron.L);
            labels[s] = finish(tokens, perceptron.viterbi(emit, tokens.length, m, work));
        }
        if (!second) {
            return labels;
        }
        DocumentContext context = DocumentContext.of(sentences, labels, featurizer.keys());
        for (int s = 0; s < sentences.length; s++) {
            if (context.rerun(s)) {
                String[] tokens = sentences[s];
                perceptron.addEmissions(featurizer.documentFeatures(tokens, work, context.atoms(s)), tokens.length,
                        Featurizer.DOCUMENT_FEATURES, emissions[s], work);
                labels[s] = finish(tokens, perceptron.viterbi(emissions[s], tokens.length,
                        margins == null ? null : margins[s], work));
            }
        }
        return labels;
    }

    private int[] tag(String[] tokens, float[] margins, TagWork work, long[] document) {
        return finish(tokens, perceptron.decode(featurizer.featurize(tokens, work, document), tokens.length, margins,
                work));
    }

    /** The rules after decoding: Arabic given names continue into an unknown next word. */
    private int[] finish(String[] tokens, int[] labels) {
        if (featurizer.hasVocabulary()) {
            continueGivenNames(tokens, labels);
        }
        return labels;
    }

    /** Whether the model was trained for a second pass with the document's context. */
    public boolean documentPass() {
        return documentPass;
    }

    /**
     * Arabic script has no capitals to mark a surname the model never saw: a person's name that ends on a given
     * name (the first word of known people's names, never the surname of a prominent one) takes the next word when
     * that word is unknown (not in the training vocabulary or the gazetteers): دونالد ترامب.
     */
    private void continueGivenNames(String[] tokens, int[] labels) {
        int person = EntityLabels.typeOf("PERSON");
        WordKeys keys = featurizer.keys();
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (EntityLabels.type(labels[i]) != person || labels[i + 1] != EntityLabels.O) {
                continue;
            }
            String stem = keys.of(tokens[i])[1];
            int mask = featurizer.gazetteer().wordMask(stem);
            int weak = featurizer.weakGazetteer().wordMask(stem);
            boolean givenName = ((mask | weak) & (1 << (4 + person))) != 0 && (mask & (1 << (8 + person))) == 0;
            String next = keys.of(tokens[i + 1])[1];
            if (givenName && next.length() >= 3 && next.charAt(0) >= 0x0621 && next.charAt(0) <= 0x064a
                    && !featurizer.known(next) && featurizer.gazetteer().wordMask(next) == 0
                    && featurizer.weakGazetteer().wordMask(next) == 0 && !hasPronounSuffix(next)) {
                labels[i + 1] = EntityLabels.inside(person);
            }
        }
    }

    /** The word clusters the model was trained with (empty for older models). */
    public WordClusters clusters() {
        return featurizer.clusters();
    }

    /** A word ending in a possessive pronoun (استعدادكم, "your readiness") is no surname. */
    private static boolean hasPronounSuffix(String word) {
        return word.length() >= 5 && (word.endsWith("كم") || word.endsWith("كما") || word.endsWith("هم")
                || word.endsWith("هما") || word.endsWith("هن") || word.endsWith("كن"));
    }

    public String language() {
        return language;
    }

    public String version() {
        return version;
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16)))) {
            out.writeInt(FORMAT);
            out.writeUTF(language);
            out.writeInt(featurizer.bucketBits());
            featurizer.gazetteer().write(out);
            featurizer.weakGazetteer().write(out);
            java.util.List<String> vocabulary = new java.util.ArrayList<>(featurizer.vocabulary());
            java.util.Collections.sort(vocabulary);
            out.writeInt(vocabulary.size());
            for (String w : vocabulary) {
                out.writeUTF(w);
            }
            featurizer.clusters().write(out);
            out.writeBoolean(documentPass);
            perceptron.write(out);
        }
    }

    public static NerModel load(Path file, MatchingAnalyzer analyzer) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model " + file, e);
        }
    }

    /** Reads a model from a stream (a classpath resource or a file). */
    public static NerModel read(InputStream stream, MatchingAnalyzer analyzer) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.security.DigestInputStream digest = new java.security.DigestInputStream(stream, sha);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(digest, 1 << 16)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("NER model format " + format + " is not " + FORMAT
                        + "; retrain it with entities/scripts/train-ner");
            }
            String language = in.readUTF();
            int bits = in.readInt();
            Gazetteer gazetteer = Gazetteer.read(in);
            Gazetteer weak = Gazetteer.read(in);
            int words = in.readInt();
            java.util.Set<String> vocabulary = new java.util.HashSet<>(words * 2);
            for (int i = 0; i < words; i++) {
                vocabulary.add(in.readUTF());
            }
            WordClusters clusters = WordClusters.read(in);
            boolean documentPass = in.readBoolean();
            Perceptron perceptron = Perceptron.read(in);
            while (in.read() >= 0) {
                // drain, so the digest covers the whole file
            }
            String version = "ner-" + language + "@" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
            return new NerModel(language, new Featurizer(new WordKeys(analyzer), gazetteer, weak, vocabulary, clusters,
                    bits), perceptron, documentPass, version);
        }
    }
}
