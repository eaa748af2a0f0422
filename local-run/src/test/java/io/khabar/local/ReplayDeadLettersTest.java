package io.khabar.local;

import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dead letters go back to their original topic, unchanged, filtered by stage and failure time; against a real broker. */
class ReplayDeadLettersTest {
    private static final String BOOTSTRAP = TestInfra.kafkaBootstrapServers();
    private static final TopicProbe probe = TestInfra.topics();

    private static void deadLetter(String key, String payload, String stage, String origin, Instant failedAt)
            throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BOOTSTRAP), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DEAD_LETTER, key,
                    payload.getBytes(StandardCharsets.UTF_8));
            r.headers().add(DeadLetterHeaders.STAGE, stage.getBytes(StandardCharsets.UTF_8));
            r.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, origin.getBytes(StandardCharsets.UTF_8));
            r.headers().add(DeadLetterHeaders.FAILED_AT, failedAt.toString().getBytes(StandardCharsets.UTF_8));
            r.headers().add(DeadLetterHeaders.REASON, "Connection refused".getBytes(StandardCharsets.UTF_8));
            r.headers().add("ce_type", "io.khabar.article.enriched.v1".getBytes(StandardCharsets.UTF_8));
            p.send(r).get();
        }
    }

    @Test
    void deadLettersOfOneStageSinceATimeGoBackToTheirTopicUnchanged() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deadLetter("store-now-" + run, "{\"articleId\":\"store-now\"}", "store", Topics.ENRICHED, now);
        deadLetter("enrich-now-" + run, "{\"articleId\":\"enrich-now\"}", "enrich", Topics.NORMALIZED, now);
        deadLetter("store-old-" + run, "{\"articleId\":\"store-old\"}", "store", Topics.ENRICHED,
                Instant.parse("2020-01-01T00:00:00Z"));

        ReplayDeadLetters.Result dry = ReplayDeadLetters.run(new ReplayDeadLetters.Options(BOOTSTRAP, "store",
                now.minusSeconds(5), true), System.out::println);
        assertThat(dry.replayed()).containsEntry(Topics.ENRICHED, 1);
        assertThat(probe.awaitAll(Topics.ENRICHED, r -> r.key().endsWith(run), 1, Duration.ofSeconds(2)))
                .as("a dry run publishes nothing").isEmpty();

        ReplayDeadLetters.Result done = ReplayDeadLetters.run(ReplayDeadLetters.parse(new String[]{"--bootstrap",
                BOOTSTRAP, "--stage", "store", "--since", now.minusSeconds(5).toString()}), System.out::println);
        assertThat(done.replayed()).isEqualTo(Map.of(Topics.ENRICHED, 1));
        ConsumerRecord<String, byte[]> again = probe.await(Topics.ENRICHED, r -> ("store-now-" + run).equals(r.key()),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("not replayed"));
        assertThat(new String(again.value(), StandardCharsets.UTF_8)).isEqualTo("{\"articleId\":\"store-now\"}");
        assertThat(TopicProbe.header(again, ReplayDeadLetters.REPLAYED_FROM)).matches("\\d+@\\d+");
        assertThat(TopicProbe.header(again, "ce_type")).isEqualTo("io.khabar.article.enriched.v1");
        assertThat(TopicProbe.header(again, DeadLetterHeaders.REASON)).as("failure headers stay behind").isNull();
        List<ConsumerRecord<String, byte[]>> others = probe.awaitAll(Topics.ENRICHED,
                r -> r.key().startsWith("store-old-") && r.key().endsWith(run), 1, Duration.ofSeconds(1));
        assertThat(others).as("failed before --since").isEmpty();
        assertThat(probe.awaitAll(Topics.NORMALIZED, r -> r.key().endsWith(run), 1, Duration.ofSeconds(1)))
                .as("another stage's").isEmpty();
    }

    @Test
    void optionsAreCheckedWithClearMessages() {
        assertThatThrownBy(() -> ReplayDeadLetters.parse(new String[]{"--stage", "store"}))
                .hasMessageContaining("Missing required option: '--bootstrap=HOST:PORT'");
        assertThatThrownBy(() -> ReplayDeadLetters.parse(new String[]{"--bootstrap", "x:1", "--since", "yesterday"}))
                .hasMessageContaining("--since");
        assertThatThrownBy(() -> ReplayDeadLetters.parse(new String[]{"--bootstrap", "x:1", "--what"}))
                .hasMessageContaining("Unknown option: '--what'");
    }
}
