package io.storagehub.infra.devstack;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.api.QueryApi;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.config.Settings;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.config.RetryConfig;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.infra.simulator.ChainSimulator;
import io.storagehub.infra.simulator.KafkaSink;
import io.storagehub.infra.simulator.Topics;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.testkit.kafka.KafkaBroker;
import io.storagehub.testkit.postgres.PostgresServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running dev stack: Kafka and Postgres (embedded unless external ones are configured), the indexer, the
 * query API, the chain simulator and the progress reporter, all in this JVM. {@link #close()} stops them in the
 * reverse order of their start.
 */
final class Stack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final DevStackConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Servers servers;
    private LiveIndexer indexer;
    private QueryApi api;
    private JdbiProjection projection;
    private JdbiStorageQueries queries;
    private Optional<ChainSimulator> simulator = Optional.empty();
    private StatusProbe probe;
    private boolean closed;

    private Stack(DevStackConfig config) {
        this.config = config;
    }

    /** A stack that has not started anything yet: {@link #close()} may be called at any time, even during start. */
    static Stack prepare(DevStackConfig config) {
        return new Stack(config);
    }

    /** Prepares and starts a stack; on a failure, stops what had started and rethrows. */
    static Stack start(DevStackConfig config, PrintStream out) {
        Stack stack = prepare(config);
        try {
            stack.start(out);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts everything in order; the simulator's bulk backfill (up to {@code backfill} events in the chain,
     * earlier runs included) runs last, after the progress reporter.
     * If {@link #close()} runs meanwhile, what starts later is stopped at once and this throws.
     */
    void start(PrintStream out) {
        servers = startPostgres(startKafka());
        Topics.ensure(servers.kafkaBootstrap(), List.of(config.topic(), config.deadLetterTopic()), 1);

        Settings settings = Settings.of(ServiceSettings.of(config, servers));
        indexer = started(LiveIndexer.start(IndexerConfig.from(settings), DbConfig.from(settings),
                HttpConfig.from(settings), RetryConfig.from(settings), true));
        api = started(QueryApi.start(ApiConfig.load(ServiceSettings.of(config, servers), Optional.empty())));

        HikariDataSource pool = started(Pools.create(new PoolConfig(servers.jdbcUrl(), servers.dbUser(),
                servers.dbPassword(), config.schema(), 2, Duration.ofSeconds(10), "storagehub-devstack", true)));
        Jdbi jdbi = Databases.jdbi(pool);
        projection = new JdbiProjection(jdbi);
        queries = new JdbiStorageQueries(jdbi);

        if (config.simulator()) {
            simulator = Optional.of(started(ChainSimulator.open(config.chain(), config.seed(),
                    Optional.of(config.simulatorState()), new KafkaSink(servers.kafkaBootstrap(), config.topic(),
                            config.backfill() > 0 ? KafkaSink.Mode.BULK : KafkaSink.Mode.LIVE))));
        }
        probe = started(new StatusProbe(servers.kafkaBootstrap(), config.topic(), config.chain(), projection,
                indexer.metrics(), simulator));
        Banner.print(out, config, servers, apiUrl(), indexerUrl(), simulator.map(ChainSimulator::state));
        started(new ProgressReporter(probe, queries, config.chain(), apiUrl(), out)).start(config.progressEvery());
        simulator.ifPresent(sim -> {
            long missing = config.backfill() - sim.state().emitted();
            if (missing > 0) {
                sim.backfill(missing);
            }
            if (config.rate() > 0) {
                sim.startLive(config.rate());
            }
        });
    }

    /** Records a started part for {@link #close()}; when the stack is already closing, stops it at once. */
    private synchronized <T extends AutoCloseable> T started(T part) {
        if (closed) {
            closeQuietly(part);
            throw new IllegalStateException("the dev stack is stopping");
        }
        started.push(part);
        return part;
    }

    private String startKafka() {
        if (config.kafka().isPresent()) {
            return config.kafka().get();
        }
        return started(KafkaBroker.start(Optional.of(config.kafkaDir()), config.kafkaPort())).bootstrapServers();
    }

    private Servers startPostgres(String kafka) {
        if (config.database().isPresent()) {
            DevStackConfig.ExternalDatabase db = config.database().get();
            return new Servers(kafka, config.kafka().isEmpty(), db.jdbcUrl(), db.user(), db.password(), false);
        }
        PostgresServer postgres = started(PostgresServer.start(Optional.of(config.postgresDir()),
                config.postgresPort()));
        return new Servers(kafka, config.kafka().isEmpty(), postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password(), true);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    String indexerUrl() {
        return "http://127.0.0.1:" + indexer.httpPort();
    }

    Servers servers() {
        return servers;
    }

    LiveIndexer indexer() {
        return indexer;
    }

    Optional<ChainSimulator> simulator() {
        return simulator;
    }

    JdbiStorageQueries queries() {
        return queries;
    }

    StackStatus status() {
        return probe.sample();
    }

    /** Stops everything that started, newest first; failures are logged and do not stop the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("stopping {} failed: {}", part, e.toString());
        }
    }
}
