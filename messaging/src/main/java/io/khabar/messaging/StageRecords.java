package io.khabar.messaging;

import io.khabar.events.DeadLetterHeaders;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How a stage hands a record on. The outgoing record is keyed by article id, carries CloudEvents headers (binary mode),
 * and acknowledges its incoming record only once the broker has it, so offsets are never committed ahead of
 * processing. A record a stage cannot handle is dead-lettered, unchanged, with its reason, the stage and its origin.
 */
public final class StageRecords {
    private static final Logger LOG = Logger.getLogger(StageRecords.class);

    private StageRecords() {
    }

    /** The next record of the pipeline, chained to {@code in}'s acknowledgement. */
    public static Message<byte[]> forward(Message<?> in, String articleId, byte[] payload, String eventId,
                                          String ceType, String ceSource, Instant time) {
        return chained(in, payload, metadata(articleId, eventId, ceType, ceSource, time));
    }

    private static Metadata metadata(String articleId, String eventId, String ceType, String ceSource, Instant time) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(articleId)
                .build();
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(eventId)
                .withType(ceType)
                .withSource(URI.create(ceSource))
                .withSubject(articleId)
                .withTimestamp(time.atZone(java.time.ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create(io.khabar.events.CloudEventTypes.dataSchema(ceType)))
                .build();
        return Metadata.of(kafka, ce);
    }

    /** The next record of the pipeline, for a stage that writes it inside its transaction (no acknowledgement chained). */
    public static Message<byte[]> record(String articleId, byte[] payload, String eventId, String ceType,
                                         String ceSource, Instant time) {
        return Message.of(payload, metadata(articleId, eventId, ceType, ceSource, time));
    }

    /** An outgoing message whose acknowledgement (or failure) is that of {@code in}. */
    private static Message<byte[]> chained(Message<?> in, byte[] payload, Metadata metadata) {
        java.util.function.Supplier<CompletionStage<Void>> ack = in::ack;
        java.util.function.Function<Throwable, CompletionStage<Void>> nack = in::nack;
        return Message.of(payload, metadata, ack, nack);
    }

    /**
     * Dead-letters {@code in}: nacks it with the Khabar dead-letter headers, which the connector's dead-letter-queue
     * failure strategy writes alongside its own. Logs one line, without a stack trace.
     */
    public static CompletionStage<Void> deadLetter(Message<?> in, String stage, String articleId, Throwable error) {
        OutgoingKafkaRecordMetadata<Object> meta = OutgoingKafkaRecordMetadata.builder()
                .withHeaders(deadLetterHeaders(in, stage, articleId, error)).build();
        return in.nack(error, Metadata.of(meta));
    }

    /**
     * The record that dead-letters {@code in} when a stage writes it itself (inside its transaction): the incoming
     * payload and key unchanged, to {@link io.khabar.events.Topics#DEAD_LETTER}, with the Khabar dead-letter headers.
     * Logs one line, without a stack trace.
     */
    public static Message<byte[]> deadLetterRecord(Message<byte[]> in, String stage, String articleId, Throwable error) {
        String key = incomingKey(in);
        List<RecordHeader> headers = new ArrayList<>();
        // the failed record's own headers (CloudEvents), so that a replay sends it back as it was
        in.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> m.getHeaders().forEach(h -> {
            if (!h.key().startsWith("khabar-dlq-")) {
                headers.add(new RecordHeader(h.key(), h.value()));
            }
        }));
        headers.addAll(deadLetterHeaders(in, stage, articleId, error));
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(io.khabar.events.Topics.DEAD_LETTER)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return Message.of(in.getPayload(), Metadata.of(meta));
    }

    private static List<RecordHeader> deadLetterHeaders(Message<?> in, String stage, String articleId, Throwable error) {
        String reason = reason(error);
        List<RecordHeader> headers = new ArrayList<>();
        headers.add(header(DeadLetterHeaders.REASON, reason));
        headers.add(header(DeadLetterHeaders.EXCEPTION, error.getClass().getName()));
        headers.add(header(DeadLetterHeaders.STAGE, stage));
        headers.add(header(DeadLetterHeaders.FAILED_AT, Instant.now().toString()));
        Optional<IncomingKafkaRecordMetadata> origin = in.getMetadata(IncomingKafkaRecordMetadata.class);
        origin.ifPresent(o -> {
            headers.add(header(DeadLetterHeaders.ORIGINAL_TOPIC, o.getTopic()));
            headers.add(header(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(o.getPartition())));
            headers.add(header(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(o.getOffset())));
        });
        LOG.warnf("dead-lettered stage=%s article=%s origin=%s reason=%s", stage, articleId == null ? "-" : articleId,
                origin.map(o -> o.getTopic() + "/" + o.getPartition() + "@" + o.getOffset()).orElse("-"), reason);
        return headers;
    }

    /** The key of an incoming Kafka record, or null. */
    public static String incomingKey(Message<?> in) {
        return in.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getKey() == null ? null : m.getKey().toString())
                .orElse(null);
    }

    /** One line: the exception's own message, prefixed by its simple class name when it says little. */
    static String reason(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
