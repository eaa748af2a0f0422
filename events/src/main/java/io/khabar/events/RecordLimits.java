package io.khabar.events;

/**
 * How large records on Khabar's topics may be: one setting, {@link #EVENT_BYTES}, and what follows from it. Every
 * other limit is derived here and checked against the topic declarations (infra, {@code deploy/}, compose) and the
 * services' settings by the deploy tests:
 * <ul>
 *   <li>a stage never writes an event larger than {@link #EVENT_BYTES} (a larger one is first written without its
 *   matching layer, which store can compute, and otherwise the input is dead-lettered with the reason);</li>
 *   <li>the pipeline topics accept {@link #TOPIC_MAX_MESSAGE_BYTES} ({@code max.message.bytes}): an event plus key,
 *   headers and batch framing; the dead-letter topic takes {@link #DEAD_LETTER_MAX_MESSAGE_BYTES}, one framing more,
 *   so any record read from a pipeline topic can be dead-lettered unchanged with the reason's headers added; producers
 *   send up to that ({@code max.request.size});</li>
 *   <li>ingest accepts an article document of at most {@link #ARTICLE_BYTES} over HTTP: the enriched event of a real
 *   article is about 8 times its raw size (normalized text, paragraphs, matching layer, annotations), so an accepted
 *   article fits through every stage; a larger one is refused with 413 at the door.</li>
 * </ul>
 */
public final class RecordLimits {
    /** The one setting: the largest event payload a stage writes (16 MiB). */
    public static final int EVENT_BYTES = 16 * 1024 * 1024;

    /** Room for key, headers (CloudEvents, dead-letter reason and origin) and record-batch framing. */
    public static final int FRAMING_BYTES = 512 * 1024;

    /** The pipeline topics' {@code max.message.bytes}. */
    public static final int TOPIC_MAX_MESSAGE_BYTES = EVENT_BYTES + FRAMING_BYTES;

    /** The dead-letter topic's {@code max.message.bytes} and the producers' {@code max.request.size}. */
    public static final int DEAD_LETTER_MAX_MESSAGE_BYTES = TOPIC_MAX_MESSAGE_BYTES + FRAMING_BYTES;

    /** {@code max.message.bytes} of a topic. */
    public static int maxMessageBytes(String topic) {
        return Topics.DEAD_LETTER.equals(topic) ? DEAD_LETTER_MAX_MESSAGE_BYTES : TOPIC_MAX_MESSAGE_BYTES;
    }

    /** How much larger than its raw document an article's largest event may be, for the door's limit. */
    public static final int GROWTH = 8;

    /** The largest article document (one JSON article, or one NDJSON line) ingest accepts: 2 MiB. */
    public static final int ARTICLE_BYTES = EVENT_BYTES / GROWTH;

    private RecordLimits() {
    }
}
