package io.storagehub.reliability.privilege;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The test's SQL (resources next to it), and running statements that must fail, noting each SQLState. */
final class Statements {

    private Statements() {
    }

    static String one(String name) {
        return lines(name).get(0);
    }

    /** The statements of a resource, one per line, comments and blank lines left out. */
    static List<String> lines(String name) {
        try (InputStream in = LeastPrivilegeIT.class.getResourceAsStream("LeastPrivilegeIT/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs each statement in its own transaction, rolled back; returns the SQLState each one failed with
     * ("succeeded" when it did not fail).
     */
    static Map<String, String> attempt(Connection connection, List<String> statements) throws SQLException {
        Map<String, String> outcomes = new TreeMap<>();
        connection.setAutoCommit(false);
        for (String sql : statements) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
                outcomes.put(sql, "succeeded");
            } catch (SQLException e) {
                outcomes.put(sql, e.getSQLState());
            } finally {
                connection.rollback();
            }
        }
        return outcomes;
    }

    /** The statements whose outcome is not one of {@code states}. */
    static List<String> notFailingWith(Map<String, String> outcomes, String... states) {
        List<String> wrong = new ArrayList<>();
        outcomes.forEach((sql, state) -> {
            if (!Arrays.asList(states).contains(state)) {
                wrong.add(sql + " -> " + state);
            }
        });
        return wrong;
    }
}
