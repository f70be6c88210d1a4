package io.storagehub.reliability.support;

import io.storagehub.reliability.child.Metrics;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Expect;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The indexer's outcome counters against the ledger: each outcome, and the outcomes adding up to records read. */
public final class Outcomes {
    private static final Pattern RECOVERED = Pattern.compile("recovered=(\\d+) msg=dead-letter relay started");

    private Outcomes() {
    }

    /**
     * Dead letters the relay found already in the topic when it (re)started and marked published without sending
     * them again: they were published just before the relay lost Postgres or the process died.
     */
    public static long relayRecovered(List<String> logLines) {
        long recovered = 0;
        for (String line : logLines) {
            Matcher m = RECOVERED.matcher(line);
            if (m.find()) {
                recovered += Long.parseLong(m.group(1));
            }
        }
        return recovered;
    }

    /** Records figures and checks for one indexer process that saw every record exactly once. */
    public static void check(Scenario scenario, Metrics metrics, Map<Expect, Long> expected, long produced) {
        long sum = 0;
        for (Expect expect : Expect.values()) {
            long counted = metrics.outcome(expect.metricOutcome());
            sum += counted;
            scenario.figure("counter." + expect.metricOutcome(), counted)
                    .figure("expected." + expect.metricOutcome(), expected.get(expect))
                    .check(expect.metricOutcome() + " counter equals the expected count",
                            counted == expected.get(expect), counted + " counted, " + expected.get(expect)
                                    + " expected");
        }
        scenario.figure("counter.records_read", metrics.recordsRead()).figure("recordsProduced", produced)
                .check("the outcomes add up to records read", sum == metrics.recordsRead(),
                        sum + " vs " + metrics.recordsRead())
                .check("records read equals records produced", metrics.recordsRead() == produced,
                        metrics.recordsRead() + " read, " + produced + " produced");
    }
}
