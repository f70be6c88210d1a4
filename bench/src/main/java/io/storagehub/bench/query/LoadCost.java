package io.storagehub.bench.query;

import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one request (or pgbench transaction) of a measured load cost: CPU microseconds of the API process (0 for
 * pgbench), of Postgres (all backends) and of the whole machine (every process, from {@code /proc/stat}, so wrk's
 * or pgbench's own share too), and on the server the statements, their execution time and the transactions.
 */
public record LoadCost(double apiMicros, double postgresMicros, double machineMicros, double statements,
                       double execMicros, double transactions) {

    /** Counters at the start of a load; {@link #per(long)} turns them into the cost per request. */
    public static final class Meter {
        private final PgCluster pg;
        private final long apiPid;
        private final double api;
        private final double postgres;
        private final double machine;
        private final double[] server;

        private Meter(PgCluster pg, long apiPid) {
            this.pg = pg;
            this.apiPid = apiPid;
            this.server = server(pg);
            this.api = apiPid > 0 ? CpuClock.seconds(apiPid) : 0;
            this.postgres = CpuClock.postgresSeconds(pg.postmasterPid());
            this.machine = CpuClock.machineSeconds();
        }

        /** The cost per request of the {@code requests} served since the meter started. */
        public LoadCost per(long requests) {
            double apiNow = apiPid > 0 ? CpuClock.seconds(apiPid) : 0;
            double postgresNow = CpuClock.postgresSeconds(pg.postmasterPid());
            double machineNow = CpuClock.machineSeconds();
            double[] serverNow = server(pg);
            double n = Math.max(1, requests);
            return new LoadCost((apiNow - api) * 1e6 / n, (postgresNow - postgres) * 1e6 / n,
                    (machineNow - machine) * 1e6 / n, (serverNow[0] - server[0]) / n,
                    (serverNow[1] - server[1]) * 1e3 / n, (serverNow[2] - server[2]) / n);
        }
    }

    /** Starts metering a load of the API process {@code apiPid} (0: no API, e.g. pgbench). */
    public static Meter start(PgCluster pg, long apiPid) {
        return new Meter(pg, apiPid);
    }

    private static double[] server(PgCluster pg) {
        try (Connection c = pg.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(Sql.of(LoadCost.class, "server"))) {
            rs.next();
            return new double[] {rs.getDouble("calls"), rs.getDouble("exec_ms"), rs.getDouble("xacts")};
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's statement statistics", e);
        }
    }
}
