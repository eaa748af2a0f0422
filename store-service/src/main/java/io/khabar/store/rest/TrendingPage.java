package io.khabar.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /entities/trending} answers: the entities whose mentions in the window ending now rose most against
 * the mean of the six windows before it.
 *
 * @param window the window, ISO-8601 ({@code PT1H})
 * @param from   start of the window
 * @param to     end of the window (now)
 */
@Schema(description = "Entities whose mentions in the last window rose most against the mean of the six windows"
        + " before it, biggest rise first")
public record TrendingPage(@Schema(required = true, description = "the window, ISO-8601 (PT1H)") String window,
                           @Schema(required = true, description = "start of the window") Instant from,
                           @Schema(required = true, description = "end of the window (now)") Instant to,
                           @Schema(required = true) List<Trend> items) {

    /** One trending entity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One trending entity: its mentions in the window against the mean of the six windows before")
    public record Trend(@Schema(required = true) String id,
                        @Schema(required = true) String type,
                        String nameEn,
                        String nameAr,
                        @Schema(required = true, description = "mentions in the window") long mentions,
                        @Schema(required = true, description = "mean mentions per window over the six windows before")
                        double previousAverage,
                        @Schema(required = true, description = "mentions - previousAverage") double rise,
                        @Schema(required = true, description = "articles naming it in the window") long articles) {
    }
}
