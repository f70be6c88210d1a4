package io.storagehub.indexer.rebuild;

/** A verified rebuild differs from the live schema: the switch is refused and the rebuilt schema kept. */
public final class VerifyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient VerifyReport report;

    VerifyFailedException(VerifyReport report) {
        super("the rebuilt schema " + report.rebuilt() + " differs from the live schema " + report.live() + " in "
                + report.differing().size() + " table(s); the switch is refused and " + report.rebuilt()
                + " kept for inspection (run again with --force to switch anyway)");
        this.report = report;
    }

    public VerifyReport report() {
        return report;
    }
}
