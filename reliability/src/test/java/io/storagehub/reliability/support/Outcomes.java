package io.storagehub.reliability.support;

import io.storagehub.reliability.child.Metrics;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Expect;
import java.util.Map;

/** The indexer's outcome counters against the ledger: each outcome, and the outcomes adding up to records read. */
public final class Outcomes {

    private Outcomes() {
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
