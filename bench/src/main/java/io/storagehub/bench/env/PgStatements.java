package io.storagehub.bench.env;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Server-side time per statement ({@code pg_stat_statements}), reset before a phase and read after it. */
public final class PgStatements {
    /** One statement: calls, total execution time and rows, and its text (shortened). */
    public record Statement(long calls, double totalMillis, long rows, String query) {
    }

    private PgStatements() {
    }

    public static void reset(PgCluster pg) throws SQLException {
        try (Connection c = pg.connect(); var st = c.createStatement()) {
            st.execute(Sql.of(PgStatements.class, "create"));
            st.execute(Sql.of(PgStatements.class, "reset"));
        }
    }

    public static List<Statement> top(PgCluster pg, int n) throws SQLException {
        List<Statement> top = new ArrayList<>();
        try (Connection c = pg.connect();
             PreparedStatement ps = c.prepareStatement(Sql.of(PgStatements.class, "top"))) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String q = rs.getString("query");
                    top.add(new Statement(rs.getLong("calls"), rs.getDouble("total_exec_time"), rs.getLong("rows"),
                            q.length() > 110 ? q.substring(0, 110) + "…" : q));
                }
            }
        }
        return top;
    }
}
