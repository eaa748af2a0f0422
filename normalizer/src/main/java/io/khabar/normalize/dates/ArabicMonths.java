package io.khabar.normalize.dates;

import java.util.List;

/**
 * Arabic month names as news sites write them, the one table of them in Khabar: the publication-date parser and the
 * date tagger of enrich-service (module {@code temporal}) both read it. Each user folds the spellings its own way
 * (hamza, ta marbuta), so unfolded variants are listed where a site writes them (اذار beside آذار).
 */
public final class ArabicMonths {
    /**
     * Gregorian months 1 to 12: Egyptian/Gulf (يناير), Levantine/Iraqi (كانون الثاني), Algerian/Tunisian (جانفي) and
     * Moroccan (يوليوز) spellings.
     */
    public static final List<List<String>> GREGORIAN = List.of(
            List.of("يناير", "كانون الثاني", "جانفي", "جانفييه"),
            List.of("فبراير", "شباط", "فيفري"),
            List.of("مارس", "آذار", "اذار"),
            List.of("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
            List.of("مايو", "أيار", "ايار", "ماي"),
            List.of("يونيو", "يونيه", "حزيران", "جوان"),
            List.of("يوليو", "يوليه", "تموز", "جويلية", "جويلييه", "جويليه", "يوليوز"),
            List.of("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت"),
            List.of("سبتمبر", "أيلول", "ايلول", "شتنبر"),
            List.of("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
            List.of("نوفمبر", "تشرين الثاني", "نونبر"),
            List.of("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"));

    /** Hijri months 1 to 12, with the common alternatives for months 3 to 6, 11 and 12. */
    public static final List<List<String>> HIJRI = List.of(
            List.of("محرم"),
            List.of("صفر"),
            List.of("ربيع الأول", "ربيع الاول"),
            List.of("ربيع الثاني", "ربيع الآخر", "ربيع الاخر"),
            List.of("جمادى الأولى", "جمادى الاولى", "جمادى الأول"),
            List.of("جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية"),
            List.of("رجب"),
            List.of("شعبان"),
            List.of("رمضان"),
            List.of("شوال"),
            List.of("ذو القعدة", "ذي القعدة"),
            List.of("ذو الحجة", "ذي الحجة"));

    private ArabicMonths() {
    }
}
