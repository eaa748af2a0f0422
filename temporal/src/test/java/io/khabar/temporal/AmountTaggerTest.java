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

class AmountTaggerTest {
    private final AmountTagger tagger = new AmountTagger();

    @ParameterizedTest(name = "[{index}] {2} -> {3} {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            استغرقت 4 ساعات قبل أن تنتهي          | ar | 4 ساعات                  | duration | 4          | hour    | iso=PT4H
            استغرقت ٤ ساعات قبل أن تنتهي          | ar | ٤ ساعات                  | duration | 4          | hour    | iso=PT4H
            استمر الاجتماع ساعتين فقط              | ar | ساعتين                   | duration | 2          | hour    | iso=PT2H
            بقي ثلاثة أيام في المستشفى            | ar | ثلاثة أيام               | duration | 3          | day     | iso=P3D
            حكم البلاد 50 عاما قبل                | ar | 50 عاما                  | duration | 50         | year    | iso=P50Y
            بعد أكثر من 50 عاما على الحرب         | ar | أكثر من 50 عاما          | duration | 50         | year    | qualifier=more-than
            انتظر خمسة وعشرين عاما حتى            | ar | خمسة وعشرين عاما         | duration | 25         | year    | iso=P25Y
            He waited two hours at the border     | en | two hours                | duration | 2          | hour    | iso=PT2H
            for more than 50 years now            | en | more than 50 years       | duration | 50         | year    | qualifier=more-than
            بتكلفة أقل من 1.2 مليار يورو          | ar | أقل من 1.2 مليار يورو    | money    | 1200000000 | EUR     | qualifier=less-than
            خصصت الحكومة مليون دولار للإغاثة      | ar | مليون دولار              | money    | 1000000    | USD     | -
            دفع 15 ألف ريال غرامة                 | ar | 15 ألف ريال              | money    | 15000      | SAR     | -
            بلغت 20 مليون جنيه مصري               | ar | 20 مليون جنيه مصري       | money    | 20000000   | EGP     | -
            باعت سندات بقيمة 3 مليارات ريال قطري  | ar | 3 مليارات ريال قطري      | money    | 3000000000 | QAR     | -
            استثمار بقيمة ١٫٥ مليار درهم          | ar | ١٫٥ مليار درهم           | money    | 1500000000 | AED     | -
            The fund raised $10bn last year       | en | $10bn                    | money    | 10000000000 | USD    | -
            He was fined £5m for                  | en | £5m                      | money    | 5000000    | GBP     | -
            a loan of 10 billion dollars to       | en | 10 billion dollars       | money    | 10000000000 | USD    | -
            worth 5 million Egyptian pounds in    | en | 5 million Egyptian pounds | money   | 5000000    | EGP     | -
            ارتفع التضخم إلى 12.5% في             | ar | 12.5%                    | percent  | 12.5       | percent | -
            ارتفع التضخم 12.5 في المئة خلال       | ar | 12.5 في المئة            | percent  | 12.5       | percent | -
            نما بنسبة ١٢٫٥ بالمئة                 | ar | ١٢٫٥ بالمئة              | percent  | 12.5       | percent | -
            unemployment rose to 7.5 percent in   | en | 7.5 percent              | percent  | 7.5        | percent | -
            growth of 3 per cent this year        | en | 3 per cent               | percent  | 3          | percent | -
            يبلغ طول الخط 200 كيلومتر             | ar | 200 كيلومتر              | quantity | 200        | km      | -
            ينتج 800,000 برميل يوميا              | ar | 800,000 برميل            | quantity | 800000     | barrel  | -
            output of 800,000 barrels a day       | en | 800,000 barrels          | quantity | 800000     | barrel  | -
            أعلن التحالف مقتل 25 حوثياً في        | ar | 25 حوثياً                | count    | 25         | -       | -
            وإصابة 15 آخرين بجروح                 | ar | 15 آخرين                 | count    | 15         | -       | -
            انتشر ٣٬٥٠٠ جندي في المدينة           | ar | ٣٬٥٠٠ جندي               | count    | 3500       | -       | -
            قتل عشرات المدنيين في القصف           | ar | عشرات المدنيين           | count    | 10         | -       | approximate=true
            تظاهر عشرات الآلاف من الطلاب          | ar | عشرات الآلاف من الطلاب   | count    | 10000      | -       | lowerBound=20000
            dozens of people were hurt            | en | dozens of people         | count    | 12         | -       | lowerBound=24
            """)
    void reads(String sentence, String language, String span, String type, String value, String unit, String extra) {
        List<Annotation> found = tagger.tag(sentence, language);

        assertThat(found).filteredOn(a -> sentence.substring(a.start(), a.end()).equals(span))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("amount");
                    assertThat(a.type()).isEqualTo(type);
                    assertThat(a.value()).isEqualTo(value);
                    assertThat(a.attributes().get("unit")).isEqualTo(unit);
                    assertThat(a.attributes()).doesNotContainKey("number"); // the value says it, exactly
                    if (extra != null) {
                        String[] kv = extra.split("=");
                        assertThat(String.valueOf(a.attributes().get(kv[0]))).isEqualTo(kv[1]);
                    }
                });
    }

    @Test
    void theYearOfADateIsNotAnAmountWhenTheDatesArePassed() {
        String text = "في 20 أكتوبر 2015 قتل 25 حوثياً";
        List<Annotation> dates = new TemporalTagger().tag(text, "ar", Instant.parse("2017-11-21T06:00:00Z"),
                ZoneId.of("Asia/Riyadh"));

        assertThat(tagger.tag(text, "ar", dates)).extracting(a -> text.substring(a.start(), a.end()))
                .containsExactly("25 حوثياً");
    }

    @Test
    void bareNumbersTimesAndAmbiguousWordsAreNotAmounts() {
        String text = "المادة 25 من الدستور، الساعة 1200 GMT، الست مريم، one of the leaders, in 2015 the model A320.";

        assertThat(tagger.tag(text, "ar")).isEmpty();
    }

    @Test
    void everyAmountCarriesProvenance() {
        assertThat(tagger.tag("$10bn and 4 hours", "en")).hasSize(2).allSatisfy(a -> assertThat(a.attributes())
                .containsEntry("component", "temporal").containsEntry("model", "rules@1"));
    }

    @Test
    void aDecimalCommaIsADecimalOnlyOutsideEnglish() {
        assertThat(tagger.tag("1,5 مليار دولار", "ar")).extracting(Annotation::value).containsExactly("1500000000");
        assertThat(tagger.tag("1,5 billion dollars", "en")).isEmpty();
    }
}
