package io.khabar.store.persistence;

/**
 * The read API (queries, entity pages, the live stream) takes its connections from a pool of its own, the named
 * datasource {@value #NAME} (same server and credentials as the writer's), with a statement timeout: heavy reads can
 * make reads wait or fail, never the Kafka writer, whose pool they cannot touch.
 */
public final class ReadPool {
    public static final String NAME = "read";

    private ReadPool() {
    }
}
