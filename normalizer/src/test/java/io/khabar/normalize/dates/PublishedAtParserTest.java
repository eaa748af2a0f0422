package io.khabar.normalize.dates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-world date strings and the instants they mean, worked out by hand. Hijri dates follow the Umm al-Qura civil
 * calendar: 10 Dhu al-Hijjah 1436 is 23 September 2015 there, although Eid al-Adha was announced by sighting for the
 * 24th.
 */
class PublishedAtParserTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final PublishedAtParser utc = new PublishedAtParser(NOW, ZoneOffset.UTC);
    private final PublishedAtParser riyadh = new PublishedAtParser(NOW, ZoneOffset.ofHours(3));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2017-11-21T08:00:00+03:00                 | 2017-11-21T05:00:00Z
            الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400) | 2013-08-28T10:00:00Z
            الأحد 5 كانون الثاني/يناير 2020           | 2020-01-05T00:00:00Z
            نشر بتاريخ 3 أيار/مايو 2021               | 2021-05-03T00:00:00Z
            2017-11-21T05:00:00Z                      | 2017-11-21T05:00:00Z
            2017-11-21T05:00:00.123Z                  | 2017-11-21T05:00:00.123Z
            2017-11-21 05:00:00                       | 2017-11-21T05:00:00Z
            2017-11-21T05:00                          | 2017-11-21T05:00:00Z
            2017-11-21                                | 2017-11-21T00:00:00Z
            Tue, 21 Nov 2017 05:00:00 GMT             | 2017-11-21T05:00:00Z
            Tue, 21 Nov 2017 08:00:00 +0300           | 2017-11-21T05:00:00Z
            1511240400                                | 2017-11-21T05:00:00Z
            1511240400000                             | 2017-11-21T05:00:00Z
            November 21, 2017                         | 2017-11-21T00:00:00Z
            Nov 21, 2017 5:00 AM                      | 2017-11-21T05:00:00Z
            21 November 2017                          | 2017-11-21T00:00:00Z
            21 Nov 2017 17:30                         | 2017-11-21T17:30:00Z
            Tuesday, November 21, 2017 5:00 PM        | 2017-11-21T17:00:00Z
            21/11/2017                                | 2017-11-21T00:00:00Z
            21.11.2017 08:15                          | 2017-11-21T08:15:00Z
            2017/11/21                                | 2017-11-21T00:00:00Z
            20 أكتوبر 2015                             | 2015-10-20T00:00:00Z
            ٢٠ أكتوبر ٢٠١٥                              | 2015-10-20T00:00:00Z
            20 اكتوبر 2015م                            | 2015-10-20T00:00:00Z
            الثلاثاء 21 نوفمبر 2017                    | 2017-11-21T00:00:00Z
            الثلاثاء، 21 نوفمبر 2017 - 10:30           | 2017-11-21T10:30:00Z
            يوم الإثنين 20 نوفمبر 2017 الساعة 8:15 مساءً | 2017-11-20T20:15:00Z
            21 نوفمبر 2017 الساعة 11:05 صباحاً           | 2017-11-21T11:05:00Z
            ١ يناير ٢٠١٦                                | 2016-01-01T00:00:00Z
            3 فبراير 2016                              | 2016-02-03T00:00:00Z
            15 مايو 2016                               | 2016-05-15T00:00:00Z
            4 يونيو 2016                               | 2016-06-04T00:00:00Z
            19 يوليو 2015                              | 2015-07-19T00:00:00Z
            9 أغسطس 2015                               | 2015-08-09T00:00:00Z
            21 تشرين الثاني 2017                       | 2017-11-21T00:00:00Z
            الأول من تشرين الأول 2015                   | -
            1 تشرين الأول 2015                         | 2015-10-01T00:00:00Z
            5 كانون الثاني 2016                        | 2016-01-05T00:00:00Z
            25 كانون الأول 2016                        | 2016-12-25T00:00:00Z
            14 شباط 2016                               | 2016-02-14T00:00:00Z
            7 آذار 2016                                | 2016-03-07T00:00:00Z
            22 نيسان 2016                              | 2016-04-22T00:00:00Z
            6 أيار 2016                                | 2016-05-06T00:00:00Z
            30 حزيران 2016                             | 2016-06-30T00:00:00Z
            14 تموز 2016                               | 2016-07-14T00:00:00Z
            15 آب 2016                                 | 2016-08-15T00:00:00Z
            11 أيلول 2016                              | 2016-09-11T00:00:00Z
            12 جانفي 2016                              | 2016-01-12T00:00:00Z
            3 فيفري 2016                               | 2016-02-03T00:00:00Z
            9 أفريل 2016                               | 2016-04-09T00:00:00Z
            1 جوان 2016                                | 2016-06-01T00:00:00Z
            5 جويلية 2016                              | 2016-07-05T00:00:00Z
            20 أوت 2016                                | 2016-08-20T00:00:00Z
            14 غشت 2016                                | 2016-08-14T00:00:00Z
            8 شتنبر 2016                               | 2016-09-08T00:00:00Z
            1 رمضان 1436 هـ                            | 2015-06-18T00:00:00Z
            ١ شوال ١٤٣٦هـ                               | 2015-07-17T00:00:00Z
            10 ذو الحجة 1436                           | 2015-09-23T00:00:00Z
            1 محرم 1439 هـ                             | 2017-09-21T00:00:00Z
            21 نوفمبر 2017 10:00 GMT+3                 | 2017-11-21T07:00:00Z
            21 نوفمبر 2017 10:00 بتوقيت غرينتش         | 2017-11-21T10:00:00Z
            21 نوفمبر 2017 10:00 بتوقيت مكة المكرمة    | 2017-11-21T07:00:00Z
            21 November 2017 10:00 +03:00             | 2017-11-21T07:00:00Z
            yesterday                                 | -
            أمس                                       | -
            32 أكتوبر 2015                             | -
            30 صفر 1439 هـ                             | -
            """)
    void realWorldForms(String raw, String expected) {
        assertThat(utc.parse(raw).map(Instant::toString).orElse("-")).isEqualTo(expected);
    }

    @Test
    void aDateWithoutZoneIsReadInTheSourcesZone() {
        assertThat(riyadh.parse("21 نوفمبر 2017 الساعة 8:00 صباحا")).contains(Instant.parse("2017-11-21T05:00:00Z"));
        assertThat(riyadh.parse("2017-11-21 08:00")).contains(Instant.parse("2017-11-21T05:00:00Z"));
        assertThat(riyadh.parse("2017-11-21T08:00:00Z")).contains(Instant.parse("2017-11-21T08:00:00Z"));
    }

    @Test
    void aDateInTheFutureBeyondADayIsRejectedAsSuspicious() {
        assertThat(utc.parse("2026-11-30T06:00:00Z")).isPresent();
        assertThat(utc.parse("2026-12-05T06:00:00Z")).isEmpty();
        assertThat(utc.parse("5 ديسمبر 2027")).isEmpty();
    }

    @Test
    void emptyInputIsEmpty() {
        assertThat(utc.parse("")).isEmpty();
        assertThat(utc.parse(null)).isEmpty();
    }
}
