package io.khabar.ingest.messaging;

import io.khabar.events.ArticleReceived;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.EventJson;
import io.khabar.messaging.StageRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Writes accepted articles to the raw topic; the returned stage completes when the broker has acknowledged it. */
@ApplicationScoped
public class RawArticlePublisher {

    @Inject
    @Channel(Channels.RAW_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<byte[]> emitter;

    public CompletionStage<Void> publish(ArticleReceived event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<byte[]> carrier = Message.of(new byte[0], () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, error -> {
            done.completeExceptionally(error);
            return CompletableFuture.completedFuture(null);
        });
        emitter.send(StageRecords.forward(carrier, event.articleId(), EventJson.toBytes(event), event.eventId(),
                CloudEventTypes.RECEIVED, CloudEventTypes.SOURCE_INGEST, event.receivedAt()));
        return done;
    }
}
