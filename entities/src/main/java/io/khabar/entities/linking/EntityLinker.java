package io.khabar.entities.linking;

import io.khabar.entities.ner.NamedSpan;
import io.khabar.entities.ner.Tokenizer;
import io.khabar.entities.ner.WordKeys;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import io.khabar.knowledge.Candidate;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.text.Scripts;
import io.khabar.text.StringIntTable;
import io.khabar.text.Scores;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an article's recognized names into entities:
 * <ol>
 *   <li>nisba adjectives and demonyms (الروسي, Russian) become a relation to their country, never a mention of
 *       their own; a name that starts or ends with one loses it;</li>
 *   <li>mentions of one entity are grouped: the same name, or for people a short form of a longer name in the
 *       article (الأسد with بشار الأسد, Putin with Vladimir Putin);</li>
 *   <li>each group is linked to the knowledge base by its names, scored on type, prominence and the article's
 *       context (a city in a country the article names beats a namesake elsewhere), not by first match;
 *       countries are linked first so that they can serve as that context;</li>
 *   <li>a group nothing in the knowledge base fits gets an id from its name ({@link EntityIds});</li>
 *   <li>each entity gets a salience (title and lead weigh more) and a confidence.</li>
 * </ol>
 * Plain Java and thread-safe.
 */
public final class EntityLinker {
    static final String COMPONENT = "entities";
    /** Least score to link: a country or leader passes alone, a small town needs its country in the article. */
    private static final double ACCEPT = 0.5;
    /** A candidate's score is {@code compatibility * (PRIOR_FLOOR + PRIOR_WEIGHT * prior)}, times SHORT_FORM if so. */
    private static final double PRIOR_FLOOR = 0.2;
    private static final double PRIOR_WEIGHT = 0.8;
    /** A short form (surname, acronym) is less specific than the full name. */
    private static final double SHORT_FORM = 0.8;
    /** Added when the candidate belongs to a country the article names, if the candidate is known enough. */
    private static final double CONTEXT_COUNTRY_BONUS = 0.2;
    private static final double CONTEXT_COUNTRY_MIN_PRIOR = 0.4;
    /** Added per further name of the group that fits the same entity. */
    private static final double AGREEING_NAME_BONUS = 0.05;
    /** Link confidence: this plus the margin over the second candidate, at most 1. */
    private static final double LINK_CONFIDENCE_BASE = 0.6;
    /** A place of at least this prior is a mention where its name also reads as a demonym (Gibraltar). */
    private static final double PROMINENT_PLACE_PRIOR = 0.5;
    /** A type the recognizer confuses with the candidate's (a place and an organisation: Kremlin, Australia). */
    private static final double NEIGHBOUR_TYPE = 0.5;
    /**
     * Organisations whose names of several words are found even where the recognizer let them pass (لوكالة الإعلام
     * الروسية): the knowledge base's well-known ones (its own list's news agencies, international organisations,
     * government bodies), at this prior or above; CultLAMA's and the name pairs' are below it.
     */
    private static final double KNOWN_ORGANISATION_PRIOR = 0.7;
    /** Confidence of such a mention: as a propagated one's of a sure name. */
    private static final double KNOWN_ORGANISATION_CONFIDENCE = 0.6;
    /** Confidence of a mention propagated from the group's representative, relative to it. */
    private static final double PROPAGATED_CONFIDENCE = 0.6;
    /** Confidence of a demonym's relation to its country (nisba). */
    private static final double NISBA_CONFIDENCE = 0.9;
    /** Salience weights: a mention in the title, in the lead, elsewhere; a demonym in the lead, elsewhere, in the title. */
    private static final double IN_TITLE = 3;
    private static final double IN_LEAD = 2;
    private static final double IN_BODY = 1;
    private static final double NISBA_IN_LEAD = 1;
    private static final double NISBA_IN_BODY = 0.5;
    private static final double NISBA_IN_TITLE = 1.5;
    private final KnowledgeBase kb;
    private final WordKeys keys;
    private final EntityIds ids;
    private final String kbVersion;
    private final Set<String> notNames = new HashSet<>();
    /**
     * The known organisations' names of two words or more as form keys, their first words (looked up for every word
     * of an article: a table, since Arabic words share {@code String.hashCode}s), the most words.
     */
    private final StringIntTable knownOrganisations;
    private final StringIntTable knownOrganisationStarts;
    private final int knownOrganisationWords;
    private final io.khabar.entities.ner.WordClusters newsWords;

    public EntityLinker(KnowledgeBase kb, WordKeys keys, EntityIds ids, String kbVersion) {
        this(kb, keys, ids, kbVersion, io.khabar.entities.ner.WordClusters.NONE);
    }

    /**
     * @param newsWords words of the news (the Arabic model's word clusters): a preposition glued to one of them
     *                  inside a person's name starts a new phrase (لو دريان لإذاعة, "Le Drian to the radio")
     */
    public EntityLinker(KnowledgeBase kb, WordKeys keys, EntityIds ids, String kbVersion,
                        io.khabar.entities.ner.WordClusters newsWords) {
        this.newsWords = newsWords;
        this.kb = kb;
        this.keys = keys;
        this.ids = ids;
        this.kbVersion = kbVersion;
        for (String w : NOT_NAMES) {
            notNames.add(keys.of(w)[1]);
        }
        Set<String> organisations = new HashSet<>();
        Set<String> starts = new HashSet<>();
        int most = 0;
        for (KbEntity e : kb.entities()) {
            if (e.type() == EntityType.ORGANIZATION && e.prior() >= KNOWN_ORGANISATION_PRIOR) {
                for (String alias : e.aliases()) {
                    String[] words = Tokenizer.words(alias);
                    if (words.length < 2) {
                        continue;
                    }
                    // by the words' forms, as the text's first word is read with its proclitic stripped or not
                    StringBuilder form = new StringBuilder();
                    for (String w : words) {
                        form.append(form.isEmpty() ? "" : " ").append(keys.of(w)[0]);
                    }
                    organisations.add(form.toString());
                    starts.add(keys.of(words[0])[0]);
                    most = Math.max(most, words.length);
                }
            }
        }
        knownOrganisations = StringIntTable.setOf(organisations);
        knownOrganisationStarts = StringIntTable.setOf(starts);
        knownOrganisationWords = most;
    }

    /** What linking produced: mention and nisba annotations on {@code text}, and the per-article entity list. */
    public record Result(List<Annotation> annotations, List<ArticleEntity> entities) {
    }

    public Result link(String text, String title, List<NamedSpan> textSpans, List<NamedSpan> titleSpans,
                       List<Span> paragraphs) {
        int leadEnd = paragraphs.isEmpty() ? Math.min(text.length(), 400) : paragraphs.get(0).end();
        Map<String, List<Span>> adjectives = new LinkedHashMap<>();
        Set<String> titleAdjectives = new HashSet<>();
        List<Mention> mentions = new ArrayList<>();
        java.util.BitSet taken = new java.util.BitSet();
        Set<String> articleWords = new HashSet<>();
        int[] all = Tokenizer.tokenize(text, 0, text.length());
        String[] allStems = new String[all.length / 2];
        for (int k = 0; k < all.length; k += 2) {
            String[] key = keys.of(text.substring(all[k], all[k + 1]));
            articleWords.add(key[0]);
            allStems[k / 2] = key[1];
        }
        for (NamedSpan s : refine(titleSpans, articleWords)) {
            Mention m = mention(trimNisba(s, null, null), true, false);
            if (m != null) {
                mentions.add(m);
            }
        }
        for (NamedSpan s : refine(textSpans, articleWords)) {
            NamedSpan t = trimNisba(s, adjectives, taken);
            Mention m = t == null ? null : mention(t, false, t.start() < leadEnd);
            if (m != null) {
                mentions.add(m);
                taken.set(t.bounds()[0], t.end());
            }
        }
        if (!textSpans.isEmpty()) {
            knownOrganisations(text, all, taken, mentions, adjectives, textSpans.get(0).model(), leadEnd);
        }
        scanNisba(text, all, adjectives, taken);
        scanNisba(title, Tokenizer.tokenize(title, 0, title.length()), null, null).forEach(titleAdjectives::add);

        List<Cluster> clusters = agree(cluster(mentions), text);
        propagate(text, all, allStems, clusters, taken, leadEnd);
        Set<String> contextCountries = new HashSet<>();
        for (String countryId : adjectives.keySet()) {
            kb.byId(countryId).map(KbEntity::countryCode).ifPresent(contextCountries::add);
        }
        for (Cluster c : clusters) {
            c.titled = c.mentions.stream().anyMatch(m -> !m.inTitle() && titled(text, m.span().bounds()[0]));
        }
        // countries first: they are the context of everything else
        for (Cluster c : clusters) {
            if (c.type.equals("LOCATION")) {
                link(c, Set.of());
                if (c.entity != null && "country".equals(c.entity.kind()) && c.entity.countryCode() != null) {
                    contextCountries.add(c.entity.countryCode());
                }
            }
        }
        for (Cluster c : clusters) {
            if (c.entity == null || !"country".equals(c.entity.kind())) {
                c.entity = null;
                link(c, contextCountries);
            }
            c.id = c.entity != null ? c.entity.id() : ids.forName(c.type, name(c.representative, text, title));
        }
        return build(text, title, clusters, adjectives, titleAdjectives, leadEnd);
    }

    /**
     * Splits names the recognizer ran together at an Arabic conjunction or preposition (جون كيري ورودريجيز is two
     * people, بوتين للأسد too), and
     * drops a leading honorific from a person's name (Mr Straw is Straw; السيد is no part of a name).
     */
    private List<NamedSpan> refine(List<NamedSpan> spans, Set<String> articleWords) {
        List<NamedSpan> out = new ArrayList<>(spans.size());
        for (NamedSpan s : spans) {
            int from = 0;
            String[] tokens = s.tokens();
            String[] first = keys.of(tokens[0]);
            // a name seen alone elsewhere, written here after و (ورودريجيز): the و is no part of it
            boolean cut = first[0].length() > 3 && first[0].charAt(0) == 'و' && keys.procliticLength(tokens[0]) == 0
                    && articleWords.contains(first[0].substring(1));
            for (int i = 1; i <= tokens.length; i++) {
                if (i == tokens.length || startsName(tokens[i], s.type(), articleWords)) {
                    NamedSpan part = part(s, from, i, cut);
                    cut = i < tokens.length && keys.procliticLength(tokens[i]) == 0; // و not stripped by the stem
                    if (part != null) {
                        out.add(part);
                    }
                    from = i;
                }
            }
        }
        return out;
    }

    /** Tokens [a, b) of a span, without a leading honorific (for people) or, after a split, the conjunction و. */
    private NamedSpan part(NamedSpan s, int a, int b, boolean afterConjunction) {
        String[] tokens = s.tokens().clone();
        int[] bounds = s.bounds().clone();
        if (afterConjunction) {
            tokens[a] = tokens[a].substring(1);
            bounds[2 * a] += 1;
        }
        if (s.type().equals("PERSON")) {
            while (a < b - 1 && HONORIFICS.contains(keys.of(tokens[a])[1])) {
                a++;
            }
            if (a < b - 1 && tokens[a].equals(".")) {
                a++;
            }
        }
        if (a >= b) {
            return null;
        }
        if (a == 0 && b == tokens.length && !afterConjunction) {
            return s;
        }
        int start = bounds[2 * a] + keys.procliticLength(tokens[a]);
        return new NamedSpan(start, bounds[2 * (b - 1) + 1], s.type(), java.util.Arrays.copyOfRange(tokens, a, b),
                java.util.Arrays.copyOfRange(bounds, 2 * a, 2 * b), s.confidence(), s.model());
    }

    /**
     * An Arabic word inside a name that carries a proclitic (a conjunction or preposition: بوتين للأسد, كيري
     * وبرونو), so starts a new name: the matching layer strips it (the rest is a known word), or, for و, the article
     * writes the rest on its own elsewhere (ورودريجيز when رودريجيز occurs too).
     */
    private boolean startsName(String token, String type, Set<String> articleWords) {
        String[] k = keys.of(token);
        if (k[0].length() <= 3) {
            return false;
        }
        boolean conjunction = k[0].charAt(0) == 'و' && articleWords.contains(k[0].substring(1));
        // a preposition the matching layer strips (للأسد, لإذاعة) starts a new name, except in an organisation's
        // name, which may hold one (المنظمة العالمية للملكية الفكرية)
        boolean preposition = !k[0].equals(k[1]) || gluedToANewsWord(token, type);
        return conjunction || preposition && !type.equals("ORGANIZATION");
    }

    /** ل, ب or ك before a word the news uses on its own (لإذاعة), inside a person's name. */
    private boolean gluedToANewsWord(String token, String type) {
        if (!type.equals("PERSON") || token.length() < 5 || "لبك".indexOf(token.charAt(0)) < 0
                || token.startsWith("لل") || token.startsWith("ال")) {
            return false;
        }
        String rest = keys.of(token.substring(1))[1];
        return rest.length() >= 4 && newsWords.of(rest) >= 0;
    }

    /** Titles that say the next word is a person's name, as matching keys (honorifics, offices). */
    private static final Set<String> TITLES = Set.of("الرئيس", "رئيس", "الملك", "الامير", "الشيخ", "السيد",
            "السيده", "الوزير", "وزير", "المستشار", "المستشاره", "الزعيم", "المرشد", "president", "mr", "mrs", "ms",
            "dr", "minister", "chancellor", "king", "prince", "senator", "governor", "pope", "secretary");

    /** Whether the word before {@code start} in {@code text} is a title. */
    private boolean titled(String text, int start) {
        int end = start;
        while (end > 0 && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            if (text.charAt(end - 1) == '\n') {
                return false;
            }
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetterOrDigit(text.charAt(begin - 1))) {
            begin--;
        }
        return end > begin && TITLES.contains(keys.of(text.substring(begin, end))[1]);
    }

    /** Titles before a person's name, as matching keys (Latin folded to lower case, Arabic normalized). */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord",
            "lady", "prof", "professor", "rev", "السيد", "السيده", "الشيخ", "الشيخه", "الدكتور", "الدكتوره", "د",
            "المهندس", "الاستاذ", "السير");

    private Mention mention(NamedSpan s, boolean inTitle, boolean lead) {
        if (s == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        boolean onlyNotNames = true;
        for (String t : s.tokens()) {
            String stem = keys.of(t)[1];
            if (!stem.isEmpty() && Character.isLetterOrDigit(stem.charAt(0))) {
                words.add(stem);
                onlyNotNames &= notNames.contains(stem);
            }
        }
        if (words.isEmpty() || onlyNotNames) {
            return null;
        }
        String[] stems = words.toArray(String[]::new);
        if (stems.length == s.tokens().length && !stems[0].equals(keys.of(s.tokens()[0])[0])) {
            // the stemmer took a name's first letter for a proclitic (وكالة رويترز read as و + كالة, كاليفورنيا as
            // ك + اليفورنيا, بكين as ب + كين, Caen): where the name as written is known, and better known than the
            // stripped one, the name is that, from its first letter
            String[] written = stems.clone();
            written[0] = keys.of(s.tokens()[0])[0];
            if (bestPrior(String.join(" ", written)) > bestPrior(String.join(" ", stems))) {
                return new Mention(new NamedSpan(s.bounds()[0], s.end(), s.type(), s.tokens(), s.bounds(),
                        s.confidence(), s.model()), inTitle, lead, written);
            }
        }
        return new Mention(s, inTitle, lead, stems);
    }

    /** The highest prior among the full-name entities of a key; -1 if there is none. */
    private double bestPrior(String key) {
        double best = -1;
        for (Candidate c : kb.lookupKey(key)) {
            if (!c.shortForm()) {
                best = Math.max(best, c.entity().prior());
            }
        }
        return best;
    }

    /**
     * Words that are never a name on their own, whatever the recognizer says: God and the words of religious
     * formulae (رحمه الله, سبحانه وتعالى, صلى الله عليه وسلم), and currency units (دولار, ريال, euro), which are
     * amounts' units. Names that contain them (عبد الله, حزب الله, رام الله) are not affected.
     */
    static final List<String> NOT_NAMES = List.of("الله", "لله", "اللهم", "والله", "بالله", "تعالى", "سبحانه",
            "وتعالى", "وجل", "عز", "جل", "رحمه", "رحمها", "رحمهم", "يرحمه", "رضي", "عنه", "عنها", "عنهم", "صلى",
            "عليه", "وسلم", "السلام", "حفظه", "حفظها", "دولار", "دولارا", "دولارات", "ريال", "ريالا", "ريالات", "يورو",
            "درهم", "دراهم", "دينار", "دنانير", "جنيه", "جنيها", "ليرة", "روبل", "god", "allah", "dollar", "dollars",
            "euro", "euros", "yen", "sterling", "rouble", "roubles", "ruble", "rubles", "riyal", "riyals", "dirham",
            "dinar", "dinars");

    /**
     * One name, one type within an article (label aggregation): when the recognizer typed one name differently in
     * different sentences (a cricketer as PERSON in one and ORGANIZATION in another) and PERSON carries the most
     * confidence, every mention is the person's. Places and organisations keep their types (a country's name is its
     * team's in a sports report). A one-word Arabic name found only with a preposition attached (برضا, "with
     * satisfaction") that the knowledge base does not know is a word, not a name. A person's name that the knowledge
     * base knows only as a prominent organisation (Exxon, داعش) is that organisation.
     */
    private List<Cluster> agree(List<Cluster> clusters, String text) {
        Map<String, List<Cluster>> byKey = new LinkedHashMap<>();
        for (Cluster c : clusters) {
            byKey.computeIfAbsent(c.representative.key(), k -> new ArrayList<>()).add(c);
        }
        List<Cluster> out = new ArrayList<>();
        for (List<Cluster> same : byKey.values()) {
            Map<String, Double> weight = new HashMap<>();
            for (Cluster c : same) {
                for (Mention m : c.mentions) {
                    weight.merge(c.type, m.span().confidence(), Double::sum);
                }
            }
            String type = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            // a person's name is the person's throughout; a place's name may name its team or government elsewhere
            // in the same article (Australia won; the Kremlin said), so places and organisations keep their types
            boolean merge = same.size() > 1 && type.equals("PERSON");
            for (Cluster c : same) {
                if (!merge && !isWordWithPreposition(c)) {
                    out.add(retype(c));
                }
            }
            if (!merge) {
                continue;
            }
            Cluster kept = same.stream().filter(c -> c.type.equals(type)).findFirst().orElseThrow();
            for (Cluster c : same) {
                if (c != kept) {
                    c.mentions.forEach(kept::add);
                }
            }
            if (!isWordWithPreposition(kept)) {
                out.add(retype(kept));
            }
        }
        return out;
    }

    private Cluster retype(Cluster c) {
        if (c.type.equals("PERSON") && knownOnlyAsOrganisation(c.representative.key())) {
            c.type = "ORGANIZATION";
        }
        return c;
    }

    private boolean isWordWithPreposition(Cluster c) {
        if (c.representative.words().length != 1 || !c.type.equals("PERSON")) {
            return false;
        }
        for (Mention m : c.mentions) {
            String first = m.span().tokens()[0];
            if (!Scripts.startsInArabicBlock(first)
                    || keys.procliticLength(first) == 0 || first.charAt(0) == 'و') {
                return false;
            }
        }
        // unless a prominent entity has that name (بالأسد); a little-known namesake (a singer called رضا) is not enough
        return kb.lookupKey(c.representative.key()).stream().noneMatch(cand -> cand.entity().prior() >= PROMINENT);
    }

    /**
     * Least prior of a prominent entity: heads of state, the curated news entities. An organisation this prominent
     * overrides a recognizer's PERSON (Exxon, داعش; not Chelsea the club, 0.7).
     */
    static final double PROMINENT = 0.8;

    private boolean knownOnlyAsOrganisation(String key) {
        boolean organisation = false;
        for (Candidate cand : kb.lookupKey(key)) {
            if (cand.entity().type() == EntityType.PERSON) {
                return false;
            }
            organisation |= cand.entity().type() == EntityType.ORGANIZATION && !cand.shortForm()
                    && cand.entity().prior() >= PROMINENT;
        }
        return organisation;
    }

    /**
     * Drops a leading nisba word from a person's name (الروسي فلاديمير بوتين), recording it as an adjective; a name
     * of one nisba word is an adjective only (null). Organisations and places of several words keep theirs in the name (the
     * Czech Republic, المحيط الهندي; it is still recorded as an adjective), as does a person's family name (أيوب المصري).
     */
    private NamedSpan trimNisba(NamedSpan s, Map<String, List<Span>> adjectives, java.util.BitSet taken) {
        String[] tokens = s.tokens();
        int[] bounds = s.bounds();
        if (tokens.length == 2 && bounds[2] - bounds[1] == 1) {
            Optional<KbEntity> country = nisba(tokens[0], tokens[1]);
            if (country.isPresent()) { // South Korean, الكوري الجنوبي: a demonym of two words is an adjective only
                record(adjectives, country.get(), bounds[0] + keys.procliticLength(tokens[0]), bounds[3]);
                if (taken != null) {
                    taken.set(bounds[0], bounds[3]);
                }
                return null;
            }
        }
        if (tokens.length > 1 && !s.type().equals("PERSON")) {
            // the Czech Republic, British Airways, المحيط الهندي, وكالة الأنباء المصرية: the demonym is part of the
            // name, and still relates the name to its country
            for (int k : new int[]{0, tokens.length - 1}) {
                nisba(tokens[k]).ifPresent(country -> record(adjectives, country,
                        bounds[2 * k] + keys.procliticLength(tokens[k]), bounds[2 * k + 1]));
            }
            return s;
        }
        int a = 0;
        int b = tokens.length;
        while (a < b) {
            Optional<KbEntity> country = nisba(tokens[a]);
            if (country.isEmpty()) {
                break;
            }
            record(adjectives, country.get(), bounds[2 * a] + keys.procliticLength(tokens[a]), bounds[2 * a + 1]);
            a++;
        }
        while (b > a && (a == b - 1 || !s.type().equals("PERSON"))) { // المصري after a given name is a family name
            Optional<KbEntity> country = nisba(tokens[b - 1]);
            if (country.isEmpty()) {
                break;
            }
            record(adjectives, country.get(), bounds[2 * (b - 1)] + keys.procliticLength(tokens[b - 1]),
                    bounds[2 * (b - 1) + 1]);
            b--;
        }
        if (a == 0 && b == tokens.length) {
            return s;
        }
        if (taken != null) {
            taken.set(bounds[0], bounds[bounds.length - 1]);
        }
        if (a == b) {
            return null;
        }
        int start = bounds[2 * a] + keys.procliticLength(tokens[a]);
        return new NamedSpan(start, bounds[2 * (b - 1) + 1], s.type(), java.util.Arrays.copyOfRange(tokens, a, b),
                java.util.Arrays.copyOfRange(bounds, 2 * a, 2 * b), s.confidence(), s.model());
    }

    private static void record(Map<String, List<Span>> adjectives, KbEntity country, int start, int end) {
        if (adjectives != null && end > start) {
            adjectives.computeIfAbsent(country.id(), k -> new ArrayList<>()).add(new Span(start, end));
        }
    }

    private Optional<KbEntity> nisba(String token) {
        if (!demonymStart(token)) {
            return Optional.empty();
        }
        String[] k = keys.of(token);
        Optional<KbEntity> found = kb.nisbaKey(k[0]);
        if (found.isEmpty() && !k[1].equals(k[0]) && Scripts.inArabicBlock(token.charAt(0))) {
            found = kb.nisbaKey(k[1]);
        }
        return found.isPresent() && prominentPlace(k[1]) ? Optional.empty() : found;
    }

    /** A demonym of two words (South Korean, الكوري الجنوبي, with a proclitic on the first: والكوري الجنوبي). */
    private Optional<KbEntity> nisba(String first, String second) {
        if (!demonymStart(first) || !demonymStart(second)) {
            return Optional.empty();
        }
        String[] k2 = keys.of(second);
        if (!kb.endsTwoWordDemonym(k2[0])) {
            return Optional.empty();
        }
        String[] k = keys.of(first);
        Optional<KbEntity> found = kb.nisbaKey(k[0] + " " + k2[0]);
        if (found.isEmpty() && !k[1].equals(k[0]) && Scripts.inArabicBlock(first.charAt(0))) {
            found = kb.nisbaKey(k[1] + " " + k2[0]);
        }
        return found.isPresent() && prominentPlace(k[1] + " " + k2[1]) ? Optional.empty() : found;
    }

    /**
     * Whether a name key is a prominent place's: such a word is a mention, not an adjective, though the data gives it
     * as a demonym too (Gibraltar, New Zealand, Hong Kong).
     */
    private boolean prominentPlace(String stemKey) {
        return kb.lookupKey(stemKey).stream().anyMatch(cand -> !cand.shortForm()
                && cand.entity().type() == EntityType.LOCATION && cand.entity().prior() >= PROMINENT_PLACE_PRIOR);
    }

    /** Arabic, or capitalized: English demonyms are capitalized ("american" in a URL is not one). */
    private static boolean demonymStart(String token) {
        return !token.isEmpty() && (Scripts.inArabicBlock(token.charAt(0)) || Character.isUpperCase(token.charAt(0)));
    }

    /**
     * Nisba words outside any name, over the text's token {@code bounds} (the article's one tokenization); returns the
     * countries found (for the title, where no spans are kept).
     */
    private List<String> scanNisba(String text, int[] bounds, Map<String, List<Span>> adjectives,
                                   java.util.BitSet taken) {
        List<String> countries = new ArrayList<>();
        for (int k = 0; k < bounds.length; k += 2) {
            int s = bounds[k];
            int e = bounds[k + 1];
            if (e - s < 4 || taken != null && taken.get(s)) {
                continue;
            }
            String token = text.substring(s, e);
            if (k + 3 < bounds.length && bounds[k + 2] == e + 1 && (taken == null || !taken.get(e + 1))) {
                Optional<KbEntity> pair = nisba(token, text.substring(e + 1, bounds[k + 3]));
                if (pair.isPresent()) { // South Korean: not South, nor Korean alone (South African is not Africa's)
                    countries.add(pair.get().id());
                    record(adjectives, pair.get(), s + keys.procliticLength(token), bounds[k + 3]);
                    k += 2;
                    continue;
                }
            }
            Optional<KbEntity> country = nisba(token);
            if (country.isPresent()) {
                countries.add(country.get().id());
                if (adjectives != null) {
                    int clitic = keys.procliticLength(token);
                    record(adjectives, country.get(), s + clitic, e);
                }
            }
        }
        return countries;
    }

    /**
     * One name, one entity within an article: an occurrence of a name already recognized elsewhere in the text
     * (الأسد, للأسد), or of a person's surname, that the recognizer let pass becomes a mention of the same entity,
     * with lower confidence. {@code stems} holds the stem key of each of the text's {@code tokens}.
     */
    private void propagate(String text, int[] tokens, String[] stems, List<Cluster> clusters, java.util.BitSet taken,
                           int leadEnd) {
        Map<String, Cluster> byKey = new HashMap<>();
        int longest = 1;
        for (Cluster c : clusters) {
            for (Mention m : c.mentions) {
                if (!m.inTitle() && m.key().length() >= 4 && !c.type.equals("MISC")) {
                    byKey.putIfAbsent(m.key(), c);
                    longest = Math.max(longest, m.words().length);
                    String surname = m.words()[m.words().length - 1];
                    if (c.type.equals("PERSON") && m.words().length > 1 && surname.length() >= 4
                            && !notNames.contains(surname)) { // الله of عبد الله is no one's surname
                        byKey.putIfAbsent(surname, c); // بوتين after فلاديمير بوتين, as clustering does
                    }
                }
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        // every key's beginnings up to a space: a token whose stem is none of them starts no match (a stem may hold
        // a space itself, so a key's first word is not enough)
        java.util.Set<String> keyStarts = new java.util.HashSet<>();
        for (String key : byKey.keySet()) {
            for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
                keyStarts.add(key.substring(0, space));
            }
            keyStarts.add(key);
        }
        int n = tokens.length / 2;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (taken.get(tokens[2 * k]) || !keyStarts.contains(stems[k])) {
                continue;
            }
            for (int len = Math.min(longest, n - k); len >= 1; len--) {
                String key = stems[k]; // one word: its stem as it is, no copy
                if (len > 1) {
                    sb.setLength(0);
                    for (int j = k; j < k + len; j++) {
                        sb.append(j > k ? " " : "").append(stems[j]);
                    }
                    key = sb.toString();
                }
                Cluster c = byKey.get(key);
                int end = tokens[2 * (k + len - 1) + 1];
                if (c == null || taken.nextSetBit(tokens[2 * k]) < end && taken.nextSetBit(tokens[2 * k]) >= 0
                        || !standsAlone(text, tokens[2 * k], end)) {
                    continue;
                }
                String[] words = new String[len];
                for (int j = 0; j < len; j++) {
                    words[j] = text.substring(tokens[2 * (k + j)], tokens[2 * (k + j) + 1]);
                }
                NamedSpan model = c.representative.span();
                int start = tokens[2 * k] + keys.procliticLength(words[0]);
                NamedSpan found = new NamedSpan(start, end, c.type, words,
                        java.util.Arrays.copyOfRange(tokens, 2 * k, 2 * (k + len)),
                        round(model.confidence() * PROPAGATED_CONFIDENCE), model.model());
                c.add(new Mention(found, false, start < leadEnd, java.util.Arrays.copyOfRange(stems, k, k + len)));
                taken.set(tokens[2 * k], end);
                k += len - 1;
                break;
            }
        }
    }

    /**
     * Mentions of the known organisations' names of several words that no recognized name covers (ووفقا لوكالة
     * الإعلام الروسية), longest first, attributed to the article's recognizer {@code model}, which let them pass.
     */
    private void knownOrganisations(String text, int[] tokens, java.util.BitSet taken, List<Mention> mentions,
                                    Map<String, List<Span>> adjectives, String model, int leadEnd) {
        int n = tokens.length / 2;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k + 1 < n; k++) {
            if (taken.get(tokens[2 * k])) {
                continue;
            }
            String first = keys.of(text.substring(tokens[2 * k], tokens[2 * k + 1]))[0];
            int clitic = 0; // و ف ب ك ل before the name (لوكالة), one or two of them, read off its first word
            while (!knownOrganisationStarts.contains(first.substring(clitic)) && clitic < 2
                    && first.length() - clitic > 3 && "وفبكل".indexOf(first.charAt(clitic)) >= 0) {
                clitic++;
            }
            if (!knownOrganisationStarts.contains(first.substring(clitic))) {
                continue;
            }
            int start = tokens[2 * k] + clitic;
            int next = taken.nextSetBit(tokens[2 * k]); // the first recognized name after this word, if any
            for (int len = Math.min(knownOrganisationWords, n - k); len >= 2; len--) {
                int end = tokens[2 * (k + len - 1) + 1];
                if (next >= 0 && next < end) {
                    continue;
                }
                sb.setLength(0);
                sb.append(first, clitic, first.length());
                String[] words = new String[len];
                words[0] = text.substring(start, tokens[2 * k + 1]);
                for (int j = 1; j < len; j++) {
                    words[j] = text.substring(tokens[2 * (k + j)], tokens[2 * (k + j) + 1]);
                    sb.append(' ').append(keys.of(words[j])[0]);
                }
                if (!knownOrganisations.contains(sb.toString()) || !standsAlone(text, start, end)) {
                    continue;
                }
                int[] bounds = java.util.Arrays.copyOfRange(tokens, 2 * k, 2 * (k + len));
                bounds[0] = start;
                // through trimNisba, as a recognized name: its demonym (الروسية) also relates it to its country
                Mention m = mention(trimNisba(new NamedSpan(start, end, "ORGANIZATION", words, bounds,
                        KNOWN_ORGANISATION_CONFIDENCE, model), adjectives, taken), false, start < leadEnd);
                if (m != null) {
                    mentions.add(m);
                    taken.set(tokens[2 * k], end);
                    k += len - 1;
                }
                break;
            }
        }
    }

    /**
     * Whether {@code [start, end)} can be a name on its own: in Latin script it is capitalized (said is no Said, nor
     * grant Grant), and it is not glued to a currency sign or a hyphenated word (US$, U.S.-led).
     */
    private static boolean standsAlone(String text, int start, int end) {
        char first = text.charAt(start);
        if (first < 0x0250 && Character.isLetter(first) && !Character.isUpperCase(first)) {
            return false;
        }
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        return before != '-' && after != '-' && after != '$' && !Character.isLetterOrDigit(after);
    }

    /** Groups mentions of one entity: same type and name, or a person's short form of a longer name. */
    private static List<Cluster> cluster(List<Mention> mentions) {
        List<Mention> byLength = new ArrayList<>(mentions);
        byLength.sort(Comparator.comparingInt((Mention m) -> -m.words().length));
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Cluster> byKey = new HashMap<>();
        for (Mention m : byLength) {
            Cluster c = byKey.get(m.type() + "|" + m.key());
            if (c == null && m.type().equals("PERSON")) {
                Cluster best = null;
                for (Cluster other : clusters) {
                    if (other.type.equals("PERSON") && isShortForm(m.words(), other.representative.words())
                            && (best == null || other.mentions.size() > best.mentions.size())) {
                        best = other;
                    }
                }
                c = best;
            }
            if (c == null) {
                c = new Cluster(m);
                clusters.add(c);
            } else {
                c.add(m);
            }
            byKey.putIfAbsent(m.type() + "|" + m.key(), c);
        }
        return clusters;
    }

    /** Whether {@code shorter} is the last word(s) of {@code longer} (ال and al- ignored). */
    static boolean isShortForm(String[] shorter, String[] longer) {
        if (shorter.length >= longer.length) {
            return false;
        }
        boolean suffix = true;
        for (int i = 0; i < shorter.length; i++) {
            if (!bare(shorter[shorter.length - 1 - i]).equals(bare(longer[longer.length - 1 - i]))) {
                suffix = false;
                break;
            }
        }
        return suffix;
    }

    private static String bare(String w) {
        if (w.startsWith("ال") && w.length() > 3) {
            return w.substring(2);
        }
        if (w.startsWith("al-") && w.length() > 4) {
            return w.substring(3);
        }
        return w;
    }

    private void link(Cluster c, Set<String> contextCountries) {
        if (c.type.equals("MISC") || c.representative.key().length() < 3) {
            return; // two letters name nothing reliably (آر of آر.تي.إل is no town)
        }
        // a full name (راؤول كاسترو) is matched by full names only: a surname alias would tie it to another Castro
        boolean fullName = c.representative.words().length > 1;
        Map<KbEntity, double[]> scores = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Mention m : c.mentions) {
            if (fullName && m.words().length == 1) {
                continue; // سكوت of توني سكوت must not link the group to a one-word name
            }
            for (String key : variants(m.words())) {
                if (!seen.add(key)) {
                    continue;
                }
                for (Candidate cand : kb.lookupKey(key)) {
                    if (cand.shortForm() && fullName) {
                        continue;
                    }
                    if (cand.shortForm() && cand.entity().type() == EntityType.PERSON && !c.titled
                            && (cand.entity().countryCode() == null
                            || !contextCountries.contains(cand.entity().countryCode()))) {
                        continue; // a surname alone (الأسد, Clinton) is the person's only where the article names
                        // the person's country or gives the name a title (الرئيس أوباما): a lion is not Assad
                    }
                    double compat = compatibility(c.type, cand.entity().type());
                    if (compat == 0) {
                        continue;
                    }
                    KbEntity e = cand.entity();
                    double s = compat * (PRIOR_FLOOR + PRIOR_WEIGHT * e.prior()) * (cand.shortForm() ? SHORT_FORM : 1.0);
                    if (e.countryCode() != null && contextCountries.contains(e.countryCode())
                            && !"country".equals(e.kind()) && e.prior() >= CONTEXT_COUNTRY_MIN_PRIOR) {
                        s += CONTEXT_COUNTRY_BONUS; // a place (or person) of a country the article names
                    }
                    if (!cand.shortForm() && compat == 1 && e.type() != EntityType.LOCATION) {
                        // a person's or organisation's full name is specific: it links however little known the
                        // entity is (a newsroom's own extract), as does a spelling pair of the name in both scripts
                        s = Math.max(s, ACCEPT);
                    }
                    double[] acc = scores.computeIfAbsent(e, x -> new double[2]);
                    acc[0] = Math.max(acc[0], s);
                    acc[1] += 1; // names of the group that fit this entity
                }
            }
        }
        KbEntity best = null;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<KbEntity, double[]> e : scores.entrySet()) {
            double s = e.getValue()[0] + AGREEING_NAME_BONUS * (e.getValue()[1] - 1);
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = e.getKey();
            } else if (s > second) {
                second = s;
            }
        }
        if (best != null && bestScore >= ACCEPT) {
            c.entity = best;
            c.linkConfidence = Math.min(1.0, LINK_CONFIDENCE_BASE + (bestScore - second));
        }
    }

    /** An entry of the English-Arabic name pairs: a spelling, not a described entity (no Wikidata or GeoNames id). */
    private static boolean isNamePair(KbEntity e) {
        return e.qid() == null && e.geonamesId() == null;
    }

    /** The group's name as a key, and for Arabic the same without (or with) the article on its first word. */
    private static List<String> variants(String[] words) {
        List<String> out = new ArrayList<>(3);
        String key = String.join(" ", words);
        out.add(key);
        String first = words[0];
        if (first.startsWith("ال") && first.length() > 3) {
            out.add(first.substring(2) + key.substring(first.length()));
        } else if (first.startsWith("the ") || first.equals("the") && words.length > 1) {
            out.add(key.substring(4));
        }
        return out;
    }

    static double compatibility(String nerType, EntityType kbType) {
        return switch (nerType) {
            case "PERSON" -> kbType == EntityType.PERSON ? 1 : 0;
            case "LOCATION" -> kbType == EntityType.LOCATION ? 1
                    : kbType == EntityType.ORGANIZATION ? NEIGHBOUR_TYPE : 0;
            case "ORGANIZATION" -> kbType == EntityType.ORGANIZATION ? 1
                    : kbType == EntityType.LOCATION ? NEIGHBOUR_TYPE : 0;
            default -> 0;
        };
    }

    private static String name(Mention m, String text, String title) {
        String source = m.inTitle() ? title : text;
        return source.substring(m.span().start(), m.span().end());
    }

    private Result build(String text, String title, List<Cluster> clusters, Map<String, List<Span>> adjectives,
                         Set<String> titleAdjectives, int leadEnd) {
        List<Annotation> annotations = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Cluster c : clusters) {
            Row row = rows.computeIfAbsent(c.id, id -> new Row(c.id, c.type, c.entity));
            if (row.name == null || !c.representative.inTitle()) {
                row.name = name(c.representative, text, title);
            }
            for (Mention m : c.mentions) {
                double conf = round(m.span().confidence() * (c.entity != null ? c.linkConfidence : 1.0));
                row.confidence = Math.max(row.confidence, conf);
                if (m.inTitle()) {
                    row.inTitle = true;
                    row.weight += IN_TITLE;
                    continue;
                }
                row.weight += m.lead() ? IN_LEAD : IN_BODY;
                row.mentions.add(new Span(m.span().start(), m.span().end()));
                // names, links and coordinates are on the entity's row (ArticleEntity): a mention carries its provenance
                Map<String, Object> attrs = new LinkedHashMap<>();
                if (c.entity != null && c.entity.qid() != null) {
                    attrs.put("qid", c.entity.qid());
                }
                attrs.put("component", COMPONENT);
                attrs.put("model", m.span().model());
                attrs.put("kb", kbVersion);
                annotations.add(new Annotation("entity", c.type, m.span().start(), m.span().end(), c.id, conf, attrs));
            }
        }
        for (Map.Entry<String, List<Span>> e : adjectives.entrySet()) {
            KbEntity country = kb.byId(e.getKey()).orElseThrow();
            Row row = rows.computeIfAbsent(country.id(), id -> new Row(id, "LOCATION", country));
            if (row.name == null) {
                row.name = country.nameAr() != null && isArabic(text) ? country.nameAr() : country.nameEn();
            }
            row.confidence = Math.max(row.confidence, NISBA_CONFIDENCE);
            for (Span s : e.getValue()) {
                row.adjectives.add(s);
                row.weight += s.start() < leadEnd ? NISBA_IN_LEAD : NISBA_IN_BODY;
                Map<String, Object> attrs = new LinkedHashMap<>();
                if (country.qid() != null) {
                    attrs.put("qid", country.qid());
                }
                if (country.countryCode() != null) {
                    attrs.put("countryCode", country.countryCode());
                }
                attrs.put("component", COMPONENT);
                attrs.put("model", "nisba");
                attrs.put("kb", kbVersion);
                annotations.add(new Annotation("nisba", "LOCATION", s.start(), s.end(), country.id(), NISBA_CONFIDENCE, attrs));
            }
        }
        for (String countryId : titleAdjectives) {
            Row row = rows.get(countryId);
            if (row != null) {
                row.inTitle = true;
                row.weight += NISBA_IN_TITLE;
            }
        }
        double max = rows.values().stream().mapToDouble(r -> r.weight).max().orElse(1);
        List<ArticleEntity> entities = new ArrayList<>();
        for (Row r : rows.values()) {
            entities.add(r.toEntity(round(r.weight / max)));
        }
        entities.sort(Comparator.comparingDouble(ArticleEntity::salience).reversed()
                .thenComparing(e -> e.mentions().isEmpty() ? Integer.MAX_VALUE : e.mentions().get(0).start()));
        annotations.sort(Comparator.comparingInt(Annotation::start));
        return new Result(annotations, entities);
    }

    private static boolean isArabic(String text) {
        int arabic = 0;
        for (int i = 0; i < Math.min(200, text.length()); i++) {
            if (Scripts.inArabicBlock(text.charAt(i))) {
                arabic++;
            }
        }
        return arabic > 20;
    }

    static double round(double v) {
        return Scores.round3(v);
    }

    private static final class Row {
        final String id;
        final String type;
        final KbEntity entity;
        final List<Span> mentions = new ArrayList<>();
        final List<Span> adjectives = new ArrayList<>();
        String name;
        boolean inTitle;
        double weight;
        double confidence;

        Row(String id, String type, KbEntity entity) {
            this.id = id;
            this.type = type;
            this.entity = entity;
        }

        ArticleEntity toEntity(double salience) {
            mentions.sort(Comparator.comparingInt(Span::start));
            adjectives.sort(Comparator.comparingInt(Span::start));
            KbEntity e = entity;
            return new ArticleEntity(id, type, e == null ? null : e.kind(), name, e == null ? null : e.nameEn(),
                    e == null ? null : e.nameAr(), e == null ? null : e.qid(), e == null ? null : e.lat(),
                    e == null ? null : e.lon(), e == null ? null : e.countryCode(),
                    e == null ? null : e.geonamesId(), mentions, adjectives, inTitle, salience, confidence,
                    e == null || isNamePair(e) ? ArticleEntity.BY_NAME : ArticleEntity.BY_KB);
        }
    }
}
