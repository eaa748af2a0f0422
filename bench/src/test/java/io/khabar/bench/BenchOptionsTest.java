package io.khabar.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options of ./khabar bench and ./khabar chaos, read by picocli with the defaults they always had. */
class BenchOptionsTest {
    static final Path ROOT = Path.of("/repo/khabar");

    @Test
    void benchDefaults() {
        BenchOptions o = BenchOptions.parse(new String[0], ROOT);
        assertThat(o.n()).isEqualTo(20_000);
        assertThat(o.rates()).containsExactly(50, 200);
        assertThat(o.latencySeconds()).isEqualTo(60);
        assertThat(o.latencyWarmup()).isEqualTo(60);
        assertThat(o.settlePercent()).isEqualTo(5);
        assertThat(o.settleRounds()).isEqualTo(6);
        assertThat(o.baseline()).isTrue();
        assertThat(o.profile()).isFalse();
        assertThat(o.corpus()).isEqualTo(Path.of("/repo/shared/data/news"));
        assertThat(o.reportDir()).isEqualTo(ROOT.resolve("docs"));
        assertThat(o.attach()).isFalse();
        assertThat(o.jdbcUser()).isEqualTo("postgres");
        assertThat(o.jdbcPassword()).isEmpty();
    }

    @Test
    void benchOptions() {
        BenchOptions o = BenchOptions.parse(new String[]{"--n", "120", "--rates", "20,30", "--latency-seconds", "3",
                "--no-baseline", "--profile", "--corpus", "c", "--report-dir", "r", "--warmup", "0",
                "--latency-warmup", "0", "--settle", "0", "--settle-rounds", "2"}, ROOT);
        assertThat(o.n()).isEqualTo(120);
        assertThat(o.warmup()).isZero();
        assertThat(BenchOptions.parse(new String[0], ROOT).warmup()).isEqualTo(2000);
        assertThat(o.rates()).isEqualTo(List.of(20, 30));
        assertThat(o.latencySeconds()).isEqualTo(3);
        assertThat(o.latencyWarmup()).isZero();
        assertThat(o.settlePercent()).isZero();
        assertThat(o.settleRounds()).isEqualTo(2);
        assertThat(o.baseline()).isFalse();
        assertThat(o.profile()).isTrue();
        assertThat(o.corpus()).isEqualTo(Path.of("c"));
        assertThat(o.reportDir()).isEqualTo(Path.of("r"));

        BenchOptions a = BenchOptions.parse(new String[]{"--attach", "--bootstrap", "h:9092", "--ingest-url",
                "http://h:8081", "--jdbc-url", "jdbc:postgresql://h/khabar", "--jdbc-user", "u"}, ROOT);
        assertThat(a.attach()).isTrue();
        assertThat(a.baseline()).as("no baseline when attached").isFalse();
        assertThat(a.jdbcUser()).isEqualTo("u");
    }

    @Test
    void benchRefusesWrongOptions() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--attach"}, ROOT))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--attach needs --bootstrap, --ingest-url and --jdbc-url");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--attach", "--bootstrap", "nohost", "--ingest-url",
                "u", "--jdbc-url", "jdbc:postgresql://h/k"}, ROOT)).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--rates", "20,0"}, ROOT))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--n"}, ROOT))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--n");
    }

    @Test
    void chaosDefaultsAndDurations() {
        Chaos.Options d = Chaos.Options.parse(new String[0], ROOT);
        assertThat(d.n()).isEqualTo(20_000);
        assertThat(d.every()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.pgPause()).isEqualTo(Duration.ofSeconds(150));
        assertThat(d.brokerStop()).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.drainTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.report()).isNull();
        assertThat(d.corpus()).isEqualTo(Path.of("/repo/shared/data/news"));

        Chaos.Options o = Chaos.Options.parse(new String[]{"--n", "500", "--every", "500ms", "--pg-pause", "PT20S",
                "--broker-stop", "2m", "--seed", "42", "--report", "r.md", "--drain-timeout", "1h"}, ROOT);
        assertThat(o.every()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.pgPause()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.brokerStop()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.drainTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.report()).isEqualTo(Path.of("r.md"));

        assertThatThrownBy(() -> Chaos.Options.parse(new String[]{"--every", "soon"}, ROOT))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Chaos.Options.parse(new String[]{"--every", "0s"}, ROOT))
                .hasMessage("--every must be positive");
    }
}
