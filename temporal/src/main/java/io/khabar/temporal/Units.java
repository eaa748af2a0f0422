package io.khabar.temporal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words that make a number an amount: currencies (with the nationality that picks the ISO 4217 code: ريال قطري
 * is QAR, Egyptian pounds EGP), measures, percent phrases, and qualifiers (أكثر من، at least). Keys are folded
 * ({@link FoldedText}), one space between words.
 */
final class Units {
    /** A currency word and the code it means alone; null where the name alone does not say (دينار، ليرة, dinar). */
    static final Map<String, String> CURRENCIES = new HashMap<>();
    /** Nationality adjectives after (Arabic) or before (English) a currency word, to the country's currency code. */
    static final Map<String, String> NATIONAL_CURRENCY = new HashMap<>();
    /** ISO codes written as words (USD 5 million, 10 million SAR). */
    static final Set<String> ISO_CODES = Set.of("usd", "eur", "gbp", "sar", "egp", "aed", "qar", "kwd", "jod", "iqd",
            "bhd", "omr", "mad", "dzd", "tnd", "lyd", "lbp", "syp", "try", "irr", "yer", "sdg", "jpy", "cny", "rub", "chf");
    static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    /** Measures: unit names as this module reports them (km, kg, ton, barrel, meter...). */
    static final Map<String, String> MEASURES = new HashMap<>();
    /** Word sequences after a number that make it a percentage (the sign % is handled apart). */
    static final Set<String> PERCENT = Set.of("في المئه", "في المائه", "بالمئه", "بالمائه", "بالميه", "percent",
            "per cent", "pct");
    /** Words before an amount that bound it, to the qualifier reported. */
    static final Map<String, String> QUALIFIERS = new HashMap<>();
    static final int MAX_WORDS = 4;

    static {
        put(CURRENCIES, "USD", "دولار", "دولارا", "دولارات", "dollar", "dollars");
        put(CURRENCIES, "EUR", "يورو", "euro", "euros");
        put(CURRENCIES, "EGP", "جنيه", "جنيها", "جنيهات");
        put(CURRENCIES, "GBP", "pound", "pounds", "sterling", "pounds sterling", "إسترليني");
        put(CURRENCIES, "SAR", "ريال", "ريالا", "ريالات", "riyal", "riyals");
        put(CURRENCIES, "AED", "درهم", "دراهم", "درهما", "dirham", "dirhams");
        put(CURRENCIES, "RUB", "روبل", "روبلا", "rouble", "roubles", "ruble", "rubles");
        put(CURRENCIES, "JPY", "ين", "yen");
        put(CURRENCIES, "CNY", "يوان", "yuan");
        for (String w : new String[]{"دينار", "دينارا", "دنانير", "ليرة", "ليرات", "dinar", "dinars", "lira", "liras"}) {
            CURRENCIES.put(FoldedText.foldWord(w), null);
        }
        nationality("USD", "أمريكي", "أميركي", "us", "american");
        nationality("CAD", "كندي", "canadian");
        nationality("AUD", "أسترالي", "australian");
        nationality("SAR", "سعودي", "saudi");
        nationality("QAR", "قطري", "qatari");
        nationality("OMR", "عماني", "omani");
        nationality("YER", "يمني", "yemeni");
        nationality("IRR", "إيراني", "iranian");
        nationality("EGP", "مصري", "egyptian");
        nationality("GBP", "إسترليني", "استرليني", "british");
        nationality("SDG", "سوداني", "sudanese");
        nationality("AED", "إماراتي", "emirati", "uae");
        nationality("MAD", "مغربي", "moroccan");
        nationality("KWD", "كويتي", "kuwaiti");
        nationality("JOD", "أردني", "jordanian");
        nationality("IQD", "عراقي", "iraqi");
        nationality("BHD", "بحريني", "bahraini");
        nationality("DZD", "جزائري", "algerian");
        nationality("TND", "تونسي", "tunisian");
        nationality("LYD", "ليبي", "libyan");
        nationality("LBP", "لبناني", "lebanese");
        nationality("SYP", "سوري", "syrian");
        nationality("TRY", "تركي", "turkish");

        put(MEASURES, "km", "كم", "كيلومتر", "كيلومترات", "كيلومترا", "كلم", "km", "kilometre", "kilometres",
                "kilometer", "kilometers");
        put(MEASURES, "km2", "كيلومتر مربع", "كيلومترا مربعا", "كيلومترات مربعة", "كم مربع", "km2", "square kilometres",
                "square kilometers");
        put(MEASURES, "meter", "متر", "أمتار", "مترا", "metre", "metres", "meter", "meters");
        put(MEASURES, "mile", "ميل", "أميال", "ميلا", "mile", "miles");
        put(MEASURES, "kg", "كغ", "كلغ", "كجم", "كيلوغرام", "كيلوغرامات", "كيلوغراما", "كيلوجرام", "كيلوجرامات", "kg",
                "kilogram", "kilograms", "kilogramme", "kilogrammes");
        put(MEASURES, "ton", "طن", "أطنان", "طنا", "ton", "tons", "tonne", "tonnes");
        put(MEASURES, "barrel", "برميل", "براميل", "برميلا", "barrel", "barrels", "bpd");
        put(MEASURES, "liter", "لتر", "لترات", "لترا", "litre", "litres", "liter", "liters");
        put(MEASURES, "hectare", "هكتار", "هكتارات", "هكتارا", "hectare", "hectares");
        put(MEASURES, "megawatt", "ميغاواط", "ميجاوات", "megawatt", "megawatts", "mw");

        put(QUALIFIERS, "more-than", "أكثر من", "أزيد من", "ما يزيد عن", "ما يزيد على", "ما يربو على", "more than",
                "over", "upwards of");
        put(QUALIFIERS, "less-than", "أقل من", "ما يقل عن", "less than", "fewer than", "under");
        put(QUALIFIERS, "at-least", "ما لا يقل عن", "لا يقل عن", "at least");
        put(QUALIFIERS, "at-most", "حتى", "ما يصل إلى", "up to", "as many as");
        put(QUALIFIERS, "about", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "about", "around",
                "approximately", "roughly", "nearly", "almost", "some");
    }

    private Units() {
    }

    private static void put(Map<String, String> table, String value, String... words) {
        for (String w : words) {
            table.put(FoldedText.foldWord(w), value);
        }
    }

    /** An adjective and its inflections: أمريكي، أمريكيا، أمريكية، أمريكيين. */
    private static void nationality(String code, String... words) {
        for (String w : words) {
            String f = FoldedText.foldWord(w);
            NATIONAL_CURRENCY.put(f, code);
            if (f.endsWith("ي")) {
                for (String suffix : new String[]{"ا", "ه", "ين", "ات"}) {
                    NATIONAL_CURRENCY.put(f + suffix, code);
                }
            }
        }
    }
}
