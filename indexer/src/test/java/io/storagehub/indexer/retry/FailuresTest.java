package io.storagehub.indexer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("jdbi failed", cause);
    }

    @Test
    void transientSqlStates_areRetriable() {
        for (String state : new String[] {"08006", "08001", "40001", "40P01", "53300", "57P01", "57P03", "55P03"}) {
            assertThat(Failures.classify("apply", wrapped(new SQLException("x", state))))
                    .as(state).isInstanceOf(RetriableFailure.class);
        }
    }

    @Test
    void otherSqlStates_areFatal() {
        for (String state : new String[] {"42P01", "42703", "23505", "28P01", "3F000", "57P04"}) {
            assertThat(Failures.classify("apply", wrapped(new SQLException("x", state))))
                    .as(state).isInstanceOf(FatalFailure.class);
        }
    }

    @Test
    void hikariTimeoutAndConnectionRefused_areRetriable() {
        assertThat(Failures.classify("apply", wrapped(new SQLTransientConnectionException("pool timed out"))))
                .isInstanceOf(RetriableFailure.class);
        assertThat(Failures.classify("apply", wrapped(new ConnectException("refused"))))
                .isInstanceOf(RetriableFailure.class);
    }

    @Test
    void kafkaRetriableErrors_areRetriable_andOthersFatal() {
        assertThat(Failures.isRetriable(new org.apache.kafka.common.errors.TimeoutException("t"))).isTrue();
        assertThat(Failures.isRetriable(new org.apache.kafka.common.errors.AuthorizationException("a"))).isFalse();
    }

    @Test
    void classify_keepsTheMessageOfTheRootCause() {
        RuntimeException failure = Failures.classify("applying a batch",
                wrapped(new SQLException("relation \"files\" does not exist", "42P01")));
        assertThat(failure).hasMessageContaining("applying a batch").hasMessageContaining("does not exist");
    }

    @Test
    void alreadyClassified_passesThrough() {
        RetriableFailure retriable = new RetriableFailure("r", null);
        assertThat(Failures.classify("x", retriable)).isSameAs(retriable);
    }

    @Test
    void kafkaAccessFailures_areFatal_namingTheSettingsToCheck() {
        assertThat(Failures.classify("consuming t", wrapped(new SaslAuthenticationException("invalid credentials"))))
                .isInstanceOf(FatalFailure.class).hasMessageContainingAll("consuming t failed",
                        "STORAGEHUB_KAFKA_SASL_USERNAME", "STORAGEHUB_KAFKA_SASL_PASSWORD", "invalid credentials");
        assertThat(Failures.classify("x", new SslAuthenticationException("handshake")))
                .isInstanceOf(FatalFailure.class).hasMessageContaining("STORAGEHUB_KAFKA_SSL_TRUSTSTORE_LOCATION");
        assertThat(Failures.classify("x", new TopicAuthorizationException("denied")))
                .isInstanceOf(FatalFailure.class).hasMessageContaining("ACLs");
        assertThat(Failures.classify("x", new FencedInstanceIdException("fenced")))
                .isInstanceOf(FatalFailure.class).hasMessageContaining("STORAGEHUB_INDEXER_INSTANCE_ID");
        assertThat(Failures.isKafkaAccess(new org.apache.kafka.common.errors.TimeoutException("t"))).isFalse();
    }
}
