package io.khabar.infra.postgres;

/** Connection settings of a PostgreSQL database that tests or the local run can use. */
public record Database(String jdbcUrl, String username, String password, String description) {
}
