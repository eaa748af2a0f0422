package io.khabar.temporal;

import io.khabar.events.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TemporalTaggerTest {
    /** A Tuesday, 09:00 in Riyadh: the seed article's publication time. */
    private static final String TUESDAY = "2017-11-21T06:00:00Z";
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private final TemporalTagger tagger = new TemporalTagger();

    @ParameterizedTest(name = "[{index}] {0} -> {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # written dates, Gregorian month names of every region
            زيارته الأخيرة في 20 أكتوبر 2015 كانت       | 2017-11-21T06:00:00Z | ar | 20 أكتوبر 2015          | absolute   | 2015-10-20
            وصل في 20 تشرين الأول 2015 إلى موسكو        | 2017-11-21T06:00:00Z | ar | 20 تشرين الأول 2015     | absolute   | 2015-10-20
            وقع الاتفاق في 5 آب/أغسطس 2014 في القاهرة   | 2017-11-21T06:00:00Z | ar | 5 آب/أغسطس 2014         | absolute   | 2014-08-05
            انطلقت الاحتجاجات في 14 جانفي 2011 بتونس    | 2017-11-21T06:00:00Z | ar | 14 جانفي 2011           | absolute   | 2011-01-14
            أعلنت الحكومة في 5 جويلية 2016 قرارها       | 2017-11-21T06:00:00Z | ar | 5 جويلية 2016           | absolute   | 2016-07-05
            سقطت بغداد في 9 نيسان 2003 بعد حصار         | 2017-11-21T06:00:00Z | ar | 9 نيسان 2003            | absolute   | 2003-04-09
            بأرقام هندية في ٢٠ أكتوبر ٢٠١٥ أعلن         | 2017-11-21T06:00:00Z | ar | ٢٠ أكتوبر ٢٠١٥          | absolute   | 2015-10-20
            صدر القرار بتاريخ 20/10/2015 عن المحكمة     | 2017-11-21T06:00:00Z | ar | 20/10/2015              | absolute   | 2015-10-20
            بأرقام فارسية ۲۰/۱۰/۲۰۱۵ صدر                | 2017-11-21T06:00:00Z | ar | ۲۰/۱۰/۲۰۱۵              | absolute   | 2015-10-20
            وفي الأول من تشرين الأول أعلن الجيش         | 2017-11-21T06:00:00Z | ar | الأول من تشرين الأول    | absolute   | 2017-10-01
            في العاشر من نوفمبر قال                     | 2017-11-21T06:00:00Z | ar | العاشر من نوفمبر        | absolute   | 2017-11-10
            في الحادي والعشرين من أيلول جرت الانتخابات  | 2017-11-21T06:00:00Z | ar | الحادي والعشرين من أيلول | absolute  | 2017-09-21
            وفي الثالث والعشرين من تشرين الثاني وقع     | 2017-11-21T06:00:00Z | ar | الثالث والعشرين من تشرين الثاني | absolute | 2016-11-23
            شهدت المدينة في أكتوبر 2015 احتجاجات        | 2017-11-21T06:00:00Z | ar | أكتوبر 2015             | absolute   | 2015-10
            وُلد في عام 1948 في يافا                     | 2017-11-21T06:00:00Z | ar | عام 1948                | absolute   | 1948
            بدأت الأزمة في 2015 وما زالت                | 2017-11-21T06:00:00Z | ar | 2015                    | absolute   | 2015
            The deal was signed on October 20, 2015 in  | 2017-11-21T06:00:00Z | en | October 20, 2015        | absolute   | 2015-10-20
            He arrived on 20 October 2015 in Moscow     | 2017-11-21T06:00:00Z | en | 20 October 2015         | absolute   | 2015-10-20
            The summit opened on Oct. 20 in Sochi       | 2017-11-21T06:00:00Z | en | Oct. 20                 | absolute   | 2017-10-20
            The filing dated 2015-10-20 shows           | 2017-11-21T06:00:00Z | en | 2015-10-20              | absolute   | 2015-10-20
            The order of 10/20/2015 was month first     | 2017-11-21T06:00:00Z | en | 10/20/2015              | absolute   | 2015-10-20
            The order of 05/04/2015 is day first        | 2017-11-21T06:00:00Z | en | 05/04/2015              | absolute   | 2015-04-05
            Sales fell in October 2015 sharply          | 2017-11-21T06:00:00Z | en | October 2015            | absolute   | 2015-10
            The war began in 2015 and                   | 2017-11-21T06:00:00Z | en | 2015                    | absolute   | 2015
            # Hijri, Umm al-Qura
            بدأ الصيام في 1 رمضان 1436 هـ               | 2017-11-21T06:00:00Z | ar | 1 رمضان 1436 هـ         | absolute   | 2015-06-18
            وقع الهجوم في 15 رمضان 1436 هـ ليلا         | 2017-11-21T06:00:00Z | ar | 15 رمضان 1436 هـ        | absolute   | 2015-07-02
            يبدأ العام الهجري 1 محرم 1437 رسميا         | 2017-11-21T06:00:00Z | ar | 1 محرم 1437             | absolute   | 2015-10-14
            في العاشر من رمضان عبر الجيش               | 2017-11-21T06:00:00Z | ar | العاشر من رمضان         | absolute   | 2017-06-05
            # relative to publication, Arabic
            وصل يوم أمس الاثنين إلى سوتشي               | 2017-11-21T06:00:00Z | ar | يوم أمس الاثنين         | relative   | 2017-11-20
            التقى أمس الإثنين بالرئيس                    | 2017-11-21T06:00:00Z | ar | أمس الإثنين             | relative   | 2017-11-20
            قال اليوم إن المفاوضات مستمرة               | 2017-11-21T06:00:00Z | ar | اليوم                   | relative   | 2017-11-21
            أعلن صباح اليوم الثلاثاء أن                 | 2017-11-21T06:00:00Z | ar | صباح اليوم الثلاثاء     | relative   | 2017-11-21
            وقع الانفجار مساء أمس قرب السوق             | 2017-11-21T06:00:00Z | ar | مساء أمس                | relative   | 2017-11-20
            يصل الوفد غداً إلى جنيف                     | 2017-11-21T06:00:00Z | ar | غداً                    | relative   | 2017-11-22
            تبدأ المحادثات بعد غد في الرياض             | 2017-11-21T06:00:00Z | ar | بعد غد                  | relative   | 2017-11-23
            اعتقل أول أمس ثلاثة أشخاص                   | 2017-11-21T06:00:00Z | ar | أول أمس                 | relative   | 2017-11-19
            ارتفعت الأسعار الأسبوع الماضي بحدة          | 2017-11-21T06:00:00Z | ar | الأسبوع الماضي          | relative   | 2017-W46
            يزور الرئيس باريس هذا الأسبوع               | 2017-11-21T06:00:00Z | ar | هذا الأسبوع             | relative   | 2017-W47
            تراجعت الصادرات الشهر الماضي                | 2017-11-21T06:00:00Z | ar | الشهر الماضي            | relative   | 2017-10
            نما الاقتصاد العام الماضي بنسبة             | 2017-11-21T06:00:00Z | ar | العام الماضي            | relative   | 2016
            انخفض التضخم في السنة الماضية               | 2017-11-21T06:00:00Z | ar | السنة الماضية           | relative   | 2016
            اجتمع الثلاثاء مع وزير الخارجية             | 2017-11-21T06:00:00Z | ar | الثلاثاء                | relative   | 2017-11-21
            أعلن يوم الخميس استقالته                    | 2017-11-21T06:00:00Z | ar | يوم الخميس              | relative   | 2017-11-16
            جرت الانتخابات الخميس الماضي                | 2017-11-21T06:00:00Z | ar | الخميس الماضي           | relative   | 2017-11-16
            تجري الانتخابات الخميس المقبل               | 2017-11-21T06:00:00Z | ar | الخميس المقبل           | relative   | 2017-11-23
            غادر البلاد قبل ثلاثة أيام                  | 2017-11-21T06:00:00Z | ar | قبل ثلاثة أيام          | relative   | 2017-11-18
            قال اليوم بعد منتصف الليل بتوقيت الرياض     | 2017-11-20T22:30:00Z | ar | اليوم                   | relative   | 2017-11-21
            # relative to publication, English
            The minister resigned yesterday after       | 2017-11-21T06:00:00Z | en | yesterday               | relative   | 2017-11-20
            Talks resume today in Geneva                | 2017-11-21T06:00:00Z | en | today                   | relative   | 2017-11-21
            The envoy arrives tomorrow in Riyadh        | 2017-11-21T06:00:00Z | en | tomorrow                | relative   | 2017-11-22
            The president said on Tuesday that          | 2017-11-21T06:00:00Z | en | Tuesday                 | relative   | 2017-11-21
            The vote this Tuesday is close              | 2017-11-21T06:00:00Z | en | this Tuesday            | relative   | 2017-11-21
            Protests began last Tuesday in Cairo        | 2017-11-21T06:00:00Z | en | last Tuesday            | relative   | 2017-11-14
            The vote is set for next Tuesday            | 2017-11-21T06:00:00Z | en | next Tuesday            | relative   | 2017-11-28
            Oil prices fell last week on                | 2017-11-21T06:00:00Z | en | last week               | relative   | 2017-W46
            The summit takes place this week in         | 2017-11-21T06:00:00Z | en | this week               | relative   | 2017-W47
            Parliament will vote next week on           | 2017-11-21T06:00:00Z | en | next week               | relative   | 2017-W48
            Exports dropped last month by               | 2017-11-21T06:00:00Z | en | last month              | relative   | 2017-10
            The economy grew last year by               | 2017-11-21T06:00:00Z | en | last year               | relative   | 2016
            He was arrested two days ago in             | 2017-11-21T06:00:00Z | en | two days ago            | relative   | 2017-11-19
            The ceasefire collapsed 3 weeks ago         | 2017-11-21T06:00:00Z | en | 3 weeks ago             | relative   | 2017-W44
            # no publication time: relative words are unanchored, written dates still resolve
            قال أمس إن المفاوضات فشلت                   | -                    | ar | أمس                     | unanchored | -
            ارتفعت الأسعار الأسبوع الماضي بحدة          | -                    | ar | الأسبوع الماضي          | unanchored | -
            وفي الأول من تشرين الأول أعلن الجيش         | -                    | ar | الأول من تشرين الأول    | unanchored | -
            Protests began last Tuesday in Cairo        | -                    | en | last Tuesday            | unanchored | -
            وقع الهجوم في 15 رمضان 1436 هـ ليلا         | -                    | ar | 15 رمضان 1436 هـ        | absolute   | 2015-07-02
            The deal was signed on October 20, 2015 in  | -                    | en | October 20, 2015        | absolute   | 2015-10-20
            """)
    void resolves(String sentence, String publishedAt, String language, String span, String type, String value) {
        List<Annotation> found = tagger.tag(sentence, language, publishedAt == null ? null : Instant.parse(publishedAt),
                RIYADH);

        assertThat(found).filteredOn(a -> sentence.substring(a.start(), a.end()).equals(span))
                .extracting(Annotation::kind, Annotation::type, Annotation::value)
                .containsExactly(tuple("date", type, value));
    }

    @Test
    void seedArticleSentence() {
        String text = "كشف الكرملين في وقت مبكر من صباح هذا اليوم الثلاثاء عن استضافة الرئيس السوري في سوتشي يوم أمس "
                + "الاثنين، وهي زيارته الأخيرة في 20 أكتوبر 2015.";

        List<Annotation> found = tagger.tag(text, "ar", Instant.parse(TUESDAY), RIYADH);

        assertThat(found).extracting(a -> text.substring(a.start(), a.end()), Annotation::type, Annotation::value)
                .containsExactly(
                        tuple("صباح هذا اليوم الثلاثاء", "relative", "2017-11-21"),
                        tuple("يوم أمس الاثنين", "relative", "2017-11-20"),
                        tuple("20 أكتوبر 2015", "absolute", "2015-10-20"));
        assertThat(found.get(1).attributes()).containsEntry("anchor", "2017-11-21").doesNotContainKey("conflict");
    }

    @Test
    void yesterdayWithTheWrongWeekdayStillResolvesAndFlagsTheConflict() {
        String text = "التقى أمس الأربعاء بالوفد";

        List<Annotation> found = tagger.tag(text, "ar", Instant.parse(TUESDAY), RIYADH);

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo("2017-11-20");
            assertThat(a.attributes()).containsEntry("conflict", true);
        });
    }

    @Test
    void everyAnnotationCarriesProvenanceAndGranularity() {
        List<Annotation> found = tagger.tag("وقع الهجوم في 15 رمضان 1436 هـ ثم الأسبوع الماضي", "ar",
                Instant.parse(TUESDAY), RIYADH);

        assertThat(found).extracting(a -> a.attributes().get("granularity"), a -> a.attributes().get("calendar"))
                .containsExactly(tuple("day", "hijri"), tuple("week", null));
        assertThat(found).allSatisfy(a -> assertThat(a.attributes())
                .containsEntry("component", "temporal").containsEntry("model", "rules@1"));
    }

    @Test
    void numbersThatAreNotDatesAreLeftAlone() {
        String text = "قتل 2015 شخصا، وفي ذلك اليوم التقى الاثنين. The statement came at 1200 GMT with 31/02/2015.";

        assertThat(tagger.tag(text, "ar", Instant.parse(TUESDAY), RIYADH)).isEmpty();
    }
}
