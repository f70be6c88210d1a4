package io.storagehub.indexer.rebuild;

import java.util.List;

/** How a rebuilt schema compares with the live one at the same position, table by table. */
public record VerifyReport(String live, String rebuilt, List<Table> tables) {

    /**
     * One table: its row count and content digest on each side and, when they differ, a few rows found only on
     * one side (as Postgres row text).
     */
    public record Table(String name, long liveRows, long rebuiltRows, String liveDigest, String rebuiltDigest,
                        List<String> onlyLive, List<String> onlyRebuilt) {
        public Table {
            onlyLive = List.copyOf(onlyLive);
            onlyRebuilt = List.copyOf(onlyRebuilt);
        }

        public boolean identical() {
            return liveRows == rebuiltRows && liveDigest.equals(rebuiltDigest);
        }
    }

    public VerifyReport {
        tables = List.copyOf(tables);
    }

    public boolean identical() {
        return tables.stream().allMatch(Table::identical);
    }

    public List<Table> differing() {
        return tables.stream().filter(t -> !t.identical()).toList();
    }

    /** The report an operator reads: one line per table, then the differing rows found. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("verify: ").append(rebuilt).append(" against ").append(live).append(" at the same position: ")
                .append(identical() ? "identical" : differing().size() + " table(s) differ").append('\n');
        for (Table t : tables) {
            out.append(String.format("  %-16s %s  rows live %d, rebuilt %d%n", t.name(),
                    t.identical() ? "same     " : "DIFFERENT", t.liveRows(), t.rebuiltRows()));
            t.onlyLive().forEach(row -> out.append("      only live:    ").append(row).append('\n'));
            t.onlyRebuilt().forEach(row -> out.append("      only rebuilt: ").append(row).append('\n'));
        }
        return out.toString();
    }
}
