package io.storagehub.testkit.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server properties of a combined broker+controller single-node KRaft cluster on 127.0.0.1. With SASL users,
 * a second client listener ({@code SASL_PLAINTEXT}, mechanism PLAIN) accepts exactly those users; the PLAINTEXT
 * listener stays for the broker itself and for test set-up.
 */
final class BrokerSettings {
    static final int NODE_ID = 1;

    private BrokerSettings() {
    }

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        return of(logDir, brokerPort, controllerPort, 0, Map.of());
    }

    /** {@code saslUsers}: user name to password; none (and {@code saslPort} unused) for a plaintext broker. */
    static Properties of(Path logDir, int brokerPort, int controllerPort, int saslPort, Map<String, String> saslUsers) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        String sasl = saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + sasl
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + sasl);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
        if (!saslUsers.isEmpty()) {
            p.setProperty("sasl.enabled.mechanisms", "PLAIN");
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                    .append(password.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
            p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
        }
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // A single node: every internal topic must accept one replica, or transactions and groups time out.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }
}
