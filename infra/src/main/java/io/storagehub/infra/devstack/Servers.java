package io.storagehub.infra.devstack;

/** Where the stack's Kafka and Postgres are, embedded or external. */
record Servers(String kafkaBootstrap, boolean embeddedKafka, String jdbcUrl, String dbUser, String dbPassword,
               boolean embeddedPostgres) {
}
