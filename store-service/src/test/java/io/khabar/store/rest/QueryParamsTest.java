package io.khabar.store.rest;

import io.khabar.store.persistence.ArticleFilter.BoundingBox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter parsing and bounds, without Quarkus. */
class QueryParamsTest {
    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofDays(7);

    @Test
    void windowsInShortAndIsoFormWithinBounds() {
        assertThat(QueryParams.window(null, Duration.ofHours(1), MIN, MAX)).isEqualTo(Duration.ofHours(1));
        assertThat(QueryParams.window("6h", null, MIN, MAX)).isEqualTo(Duration.ofHours(6));
        assertThat(QueryParams.window("24H", null, MIN, MAX)).isEqualTo(Duration.ofHours(24));
        assertThat(QueryParams.window("5m", null, MIN, MAX)).isEqualTo(MIN);
        assertThat(QueryParams.window("7d", null, MIN, MAX)).isEqualTo(MAX);
        assertThat(QueryParams.window("PT90M", null, MIN, MAX)).isEqualTo(Duration.ofMinutes(90));
        assertThat(QueryParams.window("P1D", null, MIN, MAX)).isEqualTo(Duration.ofDays(1));
        for (String bad : new String[] {"4m", "PT4M59S", "8d", "P7DT1S", "-1h", "1w", "h", "999999999d", "PT-1H"}) {
            assertThatThrownBy(() -> QueryParams.window(bad, null, MIN, MAX)).as(bad)
                    .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("window"));
        }
    }

    @Test
    void boundingBoxesAndTimes() {
        assertThat(QueryParams.bbox(" 35, 32 ,37,34")).isEqualTo(new BoundingBox(35, 32, 37, 34));
        assertThat(QueryParams.bbox("170,-10,-170,10")).isEqualTo(new BoundingBox(170, -10, -170, 10));
        for (String bad : new String[] {"1,2,3", "1,2,3,4,5", "a,b,c,d", "0,10,10,0", "0,-91,10,0", "Infinity,0,1,1"}) {
            assertThatThrownBy(() -> QueryParams.bbox(bad)).as(bad).isInstanceOf(BadParameter.class);
        }
        assertThat(QueryParams.time("from", "2017-11-21T06:00:00Z")).isEqualTo(Instant.parse("2017-11-21T06:00:00Z"));
        assertThat(QueryParams.time("from", "2017-11-21T09:00:00+03:00")).isEqualTo(Instant.parse("2017-11-21T06:00:00Z"));
        assertThat(QueryParams.time("from", "2017-11-21")).isEqualTo(Instant.parse("2017-11-21T00:00:00Z"));
        assertThatThrownBy(() -> QueryParams.time("to", "21/11/2017"))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("to"));
    }

    @Test
    void codesAreCheckedAndNormalized() {
        assertThat(QueryParams.type("person")).isEqualTo("PERSON");
        assertThat(QueryParams.country(" sy ")).isEqualTo("SY");
        assertThat(QueryParams.topic("medtop:11000000")).isEqualTo("medtop:11000000");
        assertThat(QueryParams.language("zh-Hant")).isEqualTo("zh-Hant");
        assertThat(QueryParams.type(" ")).isNull();
        assertThatThrownBy(() -> QueryParams.topic("medtop:1%")).isInstanceOf(BadParameter.class);
        assertThatThrownBy(() -> QueryParams.integer("limit", "1e3", 20, 1, 200)).isInstanceOf(BadParameter.class);
    }
}
