package io.khabar.bench.kb;

import io.khabar.knowledge.KnowledgeBase;
import io.khabar.text.Scripts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name helpers of the knowledge-base tools (the compiler and the Wikidata importer): scripts, slugs, short names and
 * distances. Cleaning ({@link io.khabar.knowledge.Names#clean}) and word counts are the runtime library's.
 */
final class KbNames {
    /** Particles that belong with the surname that follows them ("bin Salman", "von der Leyen", "Abu Mazen"). */
    private static final Set<String> LATIN_PARTICLES = Set.of("bin", "ibn", "ben", "bint", "abu", "abou", "abd",
            "abdel", "abdul", "al", "el", "ould", "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von",
            "der", "den", "ter", "le", "la", "du", "des", "mac", "st", "san", "santa");
    /** The Arabic article written with a hyphen in Latin transliterations ("al-Assad", "el-Sisi", "ash-Shara"). */
    private static final Set<String> LATIN_ARTICLES = Set.of("al", "el", "ul", "ad", "ar", "as", "ash", "at", "az",
            "an", "adh", "ath", "dh");
    private static final Set<String> LATIN_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v", "phd", "md");
    /** Arabic particles, in their matching form, that belong with the surname that follows them. */
    private static final Set<String> ARABIC_PARTICLES = Set.of("بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ال",
            "ولد", "ذو", "ذي");
    /** Second halves of Arabic compound names ("عبد الله", "نور الدين"): never a surname alone. */
    private static final Set<String> ARABIC_COMPOUND_TAILS = Set.of("الله", "الدين", "الاسلام", "الرحمن", "الرحيم");

    private KbNames() {
    }

    /** True when the text has Arabic-block letters and no Latin letters. */
    static boolean isArabicScript(String s) {
        boolean arabic = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Scripts.isArabicScript(c)) {
                arabic |= Character.isLetter(c);
            } else if (Character.isLetter(c)) {
                return false;
            }
        }
        return arabic;
    }

    /**
     * True when every letter is one the Arabic language writes (the 28 letters, hamza forms, alef maqsura, teh
     * marbuta) or Persian keheh and yeh, which the matching layer folds into kaf and yeh. Names that need پ چ ژ گ
     * or Urdu and Uyghur letters are Persian, Urdu or Uyghur spellings, not Arabic ones.
     */
    static boolean isArabicLetters(String s) {
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-' || c == '\u0640' || c >= 0x064B && c <= 0x0652 || c == 0x0670) {
                continue; // space, hyphen, tatweel, harakat, superscript alef
            }
            if (c >= 0x0621 && c <= 0x063A || c >= 0x0641 && c <= 0x064A || c == 0x0671 || c == 0x06A9
                    || c == 0x06CC) {
                any = true;
            } else {
                return false;
            }
        }
        return any;
    }

    /** True when the text has Persian keheh or yeh: a Persian or Urdu spelling, even if the letters fold. */
    static boolean hasPersianLetters(String s) {
        return s.indexOf('\u06A9') >= 0 || s.indexOf('\u06CC') >= 0;
    }

    /** True when the text has a Latin letter. */
    static boolean hasLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    /** The id slug of a lookup key: words joined by '-'. */
    static String slug(String key) {
        return key.replace(' ', '-');
    }

    /**
     * Surname-only forms of a full person name, in the script it is written in. Latin: the last word (after
     * dropping "Jr." and the like) with any particles before it ("bin Salman", "von der Leyen"); a hyphenated
     * Arabic article gives both forms ("al-Assad" and "Assad"). Arabic: the last word with its particle ("بن
     * سلمان") or the whole compound ("عبد الله"). One-word names have none.
     */
    static List<String> shortNames(String fullName) {
        String name = io.khabar.knowledge.Names.clean(fullName);
        if (name == null) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(List.of(name.replaceAll("\\([^)]*\\)", " ").strip().split(" +")));
        if (isArabicScript(name)) {
            return arabicShortNames(tokens);
        }
        while (!tokens.isEmpty() && LATIN_SUFFIXES.contains(bare(tokens.get(tokens.size() - 1)))) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.size() > 0 && tokens.get(tokens.size() - 1).endsWith(",")) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1).replaceAll(",+$", ""));
        }
        if (tokens.size() < 2) {
            return List.of();
        }
        int start = tokens.size() - 1;
        while (start > 1 && LATIN_PARTICLES.contains(bare(tokens.get(start - 1)))) {
            start--;
        }
        Set<String> out = new LinkedHashSet<>();
        String last = tokens.get(tokens.size() - 1);
        out.add(String.join(" ", tokens.subList(start, tokens.size())));
        int hyphen = last.indexOf('-');
        if (start == tokens.size() - 1 && hyphen > 0
                && LATIN_ARTICLES.contains(last.substring(0, hyphen).toLowerCase(Locale.ROOT))
                && last.length() - hyphen > 3) {
            out.add(last.substring(hyphen + 1));
        }
        out.removeIf(s -> bare(s).length() < 3);
        return List.copyOf(out);
    }

    private static List<String> arabicShortNames(List<String> tokens) {
        if (tokens.size() < 2) {
            return List.of();
        }
        int start = tokens.size() - 1;
        String last = KnowledgeBase.key(tokens.get(start));
        if (ARABIC_COMPOUND_TAILS.contains(last) && start > 1) {
            start--;
        }
        while (start > 1 && ARABIC_PARTICLES.contains(KnowledgeBase.key(tokens.get(start - 1)))) {
            start--;
        }
        String s = String.join(" ", tokens.subList(start, tokens.size()));
        return KnowledgeBase.key(s).replace(" ", "").length() < 3 ? List.of() : List.of(s);
    }

    private static String bare(String token) {
        return token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    /** Great-circle distance in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
