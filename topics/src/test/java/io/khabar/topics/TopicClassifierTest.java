package io.khabar.topics;

import io.khabar.events.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class TopicClassifierTest {
    static final TopicClassifier CLASSIFIER = new TopicClassifier();
    static final KeyphraseExtractor KEYPHRASES = new KeyphraseExtractor();

    // short hand-written texts, one per topic and language: the best topic is the expected one
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|Liverpool beat Chelsea in cup final|The striker scored twice as Liverpool won the match 2-1 at the stadium, and the coach praised his squad.|medtop:15000000",
            "ar|الهلال يفوز على النصر|سجل مهاجم الهلال هدفين في المباراة، وتأهل الفريق إلى نهائي كأس الملك بعد فوزه في الدوري.|medtop:15000000",
            "en|Stock markets fall as oil price slides|Shares fell on the stock exchange and investors sold bank stocks as crude oil prices dropped and inflation rose.|medtop:04000000",
            "ar|ارتفاع أسعار النفط|ارتفعت أسعار النفط وصعد مؤشر سوق الأسهم السعودية، وحققت الشركات أرباحا في الربع الثاني مع تحسن الاقتصاد.|medtop:04000000",
            "en|Parliament votes on election date|MPs in parliament voted for the election, and the prime minister said the government and the opposition party would campaign.|medtop:11000000",
            "ar|البرلمان يقر موعد الانتخابات|صوت البرلمان على موعد الانتخابات البرلمانية، وقال رئيس الوزراء إن الحكومة والمعارضة اتفقتا على الدستور.|medtop:11000000",
            "en|Air strikes hit rebel positions|Army troops and militants clashed after air strikes and shelling, and the ceasefire collapsed as fighting spread.|medtop:16000000",
            "ar|غارات على مواقع الحوثيين|شنت طائرات التحالف غارات على مواقع ميليشيات الحوثي، واندلعت اشتباكات بين الجيش والمسلحين وسقط قتلى وجرحى.|medtop:16000000",
            "en|Flu outbreak fills hospitals|Doctors at the hospital treated patients for a virus infection, and health officials urged vaccination.|medtop:07000000",
            "ar|فيروس كورونا في المستشفى|أعلنت وزارة الصحة تسجيل إصابات بفيروس كورونا، ونقل المرضى إلى المستشفى لتلقي العلاج.|medtop:07000000",
            "en|Heavy rain and storms forecast|The weather service warned of heavy rain, thunderstorms and strong wind, with temperatures falling to 5 degrees Celsius.|medtop:17000000",
            "ar|أمطار رعدية على المنطقة|توقعت الأرصاد هطول أمطار رعدية ورياح نشطة، مع انخفاض درجات الحرارة وتدني مدى الرؤية بسبب الغبار.|medtop:17000000",
            "en|New smartphone runs faster software|The company unveiled a smartphone with a faster processor, new software and wireless internet; the technology drew gamers.|medtop:13000000",
            "ar|تطبيق جديد للهواتف الذكية|أطلقت الشركة تطبيقا جديدا للهواتف الذكية يعمل على الإنترنت، ويعتمد على تقنية الذكاء الاصطناعي والحاسب.|medtop:13000000",
            "en|Man jailed for robbery|Police arrested the suspect, and the court sentenced him to prison after the jury found him guilty of robbery and fraud.|medtop:02000000",
            "ar|القبض على عصابة سرقة|ألقت الشرطة القبض على المتهمين بالسرقة والاحتيال، وأحيلوا إلى المحكمة التي أصدرت حكما بسجنهم.|medtop:02000000",
    })
    void bestTopicOfAShortText(String language, String title, String text, String expected) {
        List<Annotation> topics = CLASSIFIER.classify(title, text, language, List.of());
        assertThat(topics).isNotEmpty();
        assertThat(topics.get(0).value()).isEqualTo(expected);
    }

    @Test
    void annotationShapeIsArticleLevelWithLabelsAndCues() {
        String text = "The striker scored in the league match.";
        Annotation a = CLASSIFIER.classify("Cup final", text, "en", List.of()).get(0);
        assertThat(a.kind()).isEqualTo("topic");
        assertThat(a.type()).isEqualTo("iptc-mediatopic");
        assertThat(a.start()).isZero();
        assertThat(a.end()).isEqualTo(text.length());
        assertThat(a.value()).isEqualTo("medtop:15000000");
        assertThat(a.confidence()).isBetween(0.0, 1.0);
        assertThat(a.attributes()).containsEntry("label", "sport").containsEntry("labelAr", "الرياضة")
                .containsEntry("level", 1).containsEntry("component", "topics")
                .containsEntry("model", CLASSIFIER.modelVersion());
        assertThat((List<Object>) a.attributes().get("cues")).contains("striker", "league", "cup").hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void noEvidenceGivesNoTopic() {
        assertThat(CLASSIFIER.classify("", "", "en", List.of())).isEmpty();
        assertThat(CLASSIFIER.classify("Hello", "It is what it is, he said.", "en", List.of())).isEmpty();
        assertThat(CLASSIFIER.classify(null, "قال إنه هنا.", "ar", List.of())).isEmpty();
    }

    @Test
    void topicsAreSortedAndAboveTheThreshold() {
        List<Annotation> topics = CLASSIFIER.classify("Minister visits flooded hospital",
                "The health minister visited the hospital after the flood; doctors treated patients as rescue teams"
                        + " evacuated residents and the government promised aid.", "en", List.of());
        assertThat(topics).extracting(Annotation::confidence).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(topics.subList(1, topics.size())).allSatisfy(t -> assertThat(t.confidence()).isGreaterThanOrEqualTo(0.2));
    }

    @Test
    void entityHintsAloneArePoliticsEvidence() {
        List<EntityHint> hints = List.of(new EntityHint("PERSON", "politician"), new EntityHint("PERSON", "politician"),
                new EntityHint("LOCATION", "country"), new EntityHint("LOCATION", "country"));
        List<Annotation> topics = CLASSIFIER.classify("", "He arrived on Tuesday.", "en", hints);
        assertThat(topics.get(0).value()).isEqualTo("medtop:11000000");
        assertThat((List<Object>) topics.get(0).attributes().get("cues")).contains("entity:politician", "entity:countries");
    }

    // the seed article: Assad's visit to the Kremlin, about politics (or the Syrian war)
    @Test
    void seedArticleIsPoliticsOrConflict() throws Exception {
        String seed = Files.readString(Path.of("../../shared/seed/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8);
        int nl = seed.indexOf('\n');
        List<Annotation> topics = CLASSIFIER.classify(seed.substring(0, nl), seed.substring(nl + 1), "ar", List.of());
        assertThat(topics.get(0).value()).isIn("medtop:11000000", "medtop:16000000");
    }

    @Test
    void keyphrasesPointAtTheirFirstOccurrence() {
        String text = "Oil prices rose sharply on Monday as OPEC ministers met in Vienna. Oil prices have climbed 20% this"
                + " year.\n\nAnalysts said demand from China kept oil prices high, and OPEC ministers agreed to keep output.";
        List<Annotation> phrases = KEYPHRASES.keyphrases("Oil prices rise as OPEC meets", text, "en", 5);
        assertThat(phrases).hasSizeLessThanOrEqualTo(5);
        assertThat(phrases).extracting(Annotation::value).startsWith("oil prices", "opec ministers");
        Annotation first = phrases.get(0);
        assertThat(first.kind()).isEqualTo("keyword");
        assertThat(text.substring(first.start(), first.end())).isEqualTo("Oil prices");
        assertThat(first.confidence()).isEqualTo(1.0);
        assertThat(phrases).allSatisfy(p -> assertThat(p.value()).doesNotContain("the", "said"));
    }

    @Test
    void arabicKeyphrasesSkipStopWords() {
        String text = "أعلنت وزارة الصحة أن فيروس كورونا انتشر في الرياض. وقال المتحدث إن فيروس كورونا تحت السيطرة.";
        List<Annotation> phrases = KEYPHRASES.keyphrases("فيروس كورونا", text, "ar", 3);
        assertThat(phrases.get(0).value()).isEqualTo("فيروس كورونا");
        assertThat(text.substring(phrases.get(0).start(), phrases.get(0).end())).isEqualTo("فيروس كورونا");
        assertThat(phrases).extracting(Annotation::value).doesNotContain("قال", "وقال", "ان");
    }

    /**
     * enrich analyzes a title and text once for topics and keyphrases: the same annotations as each analyzing them
     * itself, in either language and with no title; an extractor given what another analyzer made analyzes again.
     */
    @Test
    void oneAnalysisServesTopicsAndKeyphrasesAlike() {
        io.khabar.matching.MatchingAnalyzer analyzer = new io.khabar.matching.MatchingAnalyzer();
        TopicClassifier classifier = new TopicClassifier(analyzer);
        KeyphraseExtractor keyphrases = new KeyphraseExtractor(analyzer);
        String[][] articles = {
                {"Oil prices rise as OPEC meets", "Oil prices rose on Monday as OPEC ministers met in Vienna. Oil "
                        + "producers said the prices would stay high, and OPEC kept its output.", "en"},
                {null, "أعلنت وزارة الصحة تسجيل إصابات بفيروس كورونا، ونقل المرضى إلى المستشفى. وقالت وزارة الصحة إن "
                        + "فيروس كورونا ينتشر.", "ar"},
        };
        for (String[] a : articles) {
            AnalyzedText analyzed = classifier.analyze(a[0], a[1]);
            assertThat(classifier.classify(analyzed, a[2], List.of()))
                    .isEqualTo(classifier.classify(a[0], a[1], a[2], List.of())).isNotEmpty();
            assertThat(keyphrases.keyphrases(analyzed, a[2], 5))
                    .isEqualTo(keyphrases.keyphrases(a[0], a[1], a[2], 5)).isNotEmpty()
                    .isEqualTo(KEYPHRASES.keyphrases(analyzed, a[2], 5)); // an analyzer of its own
            assertThat(analyzed.by(new io.khabar.matching.MatchingAnalyzer())).isNotSameAs(analyzed);
            assertThat(analyzed.by(analyzed.analyzer())).isSameAs(analyzed);
        }
    }
}
