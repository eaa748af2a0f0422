package io.khabar.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos command on a small N: processes killed with SIGKILL at random (services, broker), PostgreSQL crashed and
 * paused at the network, the broker stopped, while real articles flow; nothing may be lost, duplicated on the enriched
 * topic (read_committed) or dead-lettered by the store, and every stage must have consumed everything.
 */
class ChaosIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void nothingIsLostOrDuplicatedWhileProcessesAreKilled() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Chaos.Options options = Chaos.Options.parse(new String[]{"--n", "500", "--every", "7s", "--pg-pause", "20s",
                "--broker-stop", "15s", "--seed", "42", "--report", dir.resolve("reliability.md").toString()}, root);
        Map<String, Object> r = new Chaos(options, System.out::println).run(root, dir.resolve("home"));

        assertThat(r.get("accepted")).isEqualTo(500);
        assertThat(r.get("stored")).isEqualTo(500);
        assertThat(r.get("lost")).isEqualTo(0);
        assertThat((Map<String, Integer>) r.get("dead letters by stage")).doesNotContainKey("store");
        assertThat(r.get("revisions on the enriched topic twice or more")).isEqualTo(0L);
        assertThat((Map<String, Integer>) r.get("records left to consume per stage"))
                .containsEntry("ingest", 0).containsEntry("enrich", 0).containsEntry("store", 0);
        assertThat((Map<String, Object>) r.get("recovery")).containsKeys("PostgreSQL paused", "broker stopped");
        assertThat(r.get("ok")).isEqualTo(true);
        assertThat(Files.readString(dir.resolve("reliability.md"))).contains("| lost | 0 |");
    }
}
