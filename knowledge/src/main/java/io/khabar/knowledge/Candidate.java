package io.khabar.knowledge;

/**
 * One answer of a knowledge-base lookup: the entity, and whether the name matched one of its short (surname-only)
 * forms rather than a full alias, so a linker can ask for more evidence before it accepts a short match.
 */
public record Candidate(KbEntity entity, boolean shortForm) {
}
