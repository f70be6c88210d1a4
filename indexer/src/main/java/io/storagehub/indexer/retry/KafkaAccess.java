package io.storagehub.indexer.retry;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.KafkaClientConfig;
import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Kafka failures that retrying cannot fix, as fatal failures naming the settings to check: rejected credentials,
 * a failed TLS handshake, a missing ACL, or another member with this member's instance id.
 */
final class KafkaAccess {

    private KafkaAccess() {
    }

    static Optional<Throwable> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof FencedInstanceIdException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static FatalFailure fatal(String what, Throwable failure) {
        Throwable cause = find(failure).orElse(failure);
        String check;
        if (cause instanceof SslAuthenticationException) {
            check = "the TLS handshake failed: check " + KafkaClientConfig.TRUSTSTORE_LOCATION + " and "
                    + KafkaClientConfig.KEYSTORE_LOCATION + " (and their passwords)";
        } else if (cause instanceof AuthenticationException) {
            check = "Kafka rejected the credentials: check " + KafkaClientConfig.SASL_USERNAME + " and "
                    + KafkaClientConfig.SASL_PASSWORD + " (and " + KafkaClientConfig.SASL_MECHANISM + ")";
        } else if (cause instanceof AuthorizationException) {
            check = "Kafka denied access: grant the ACLs to the principal of " + KafkaClientConfig.SASL_USERNAME;
        } else {
            check = "another member of the group uses the same " + IndexerConfig.INSTANCE_ID;
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FatalFailure(what + " failed: " + check + ": " + detail, failure);
    }
}
