package io.khabar.infra.quarkus;

import io.khabar.infra.TestInfra;
import io.khabar.infra.postgres.Database;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** {@code @QuarkusTestResource(PostgresResource.class)}: a fresh test database (see {@link TestInfra}). */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        Database db = TestInfra.database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Dropped at JVM exit.
    }
}
