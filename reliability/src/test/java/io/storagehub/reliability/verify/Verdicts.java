package io.storagehub.reliability.verify;

import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Expect;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.Ledger;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Topics;
import java.util.List;

/**
 * The end state every indexer scenario must reach, checked and counted: each chain's read model equal to the
 * reference row for row, the dead-letter topic holding each poison record once, the indexer's tables accounting
 * for every record, and the processes' batch logs showing no offset committed twice and the applied counter
 * equal to the reference's. Records lost and doubled are the sums of every kind of miss and surplus.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * The end state after a read model was built in bulk (a first sync or a rebuild) and then, possibly, indexed
     * live: the read model equals the reference, the DLQ holds each poison record once, the tables account for every
     * record and no live batch committed an offset twice. A bulk build logs no batches, so the batch log's gaps and
     * applied counts are not checked. {@code liveLines}: the live indexing's output only (a bulk replay logs its
     * batches too, and a killed one is replayed again).
     */
    public static void afterBulkBuild(Scenario scenario, Feed feed, ReadModelDb db, Topics topics,
                                      List<String> liveLines) {
        Ledger ledger = feed.ledger();
        int missingRows = 0;
        int extraRows = 0;
        for (String chain : feed.chains()) {
            SnapshotDiff diff = SnapshotDiff.of(feed.reference(chain), db.snapshot(chain));
            missingRows += diff.missingRows();
            extraRows += diff.extraRows();
            scenario.check("read model of " + chain + " equals the reference", diff.identical(), diff);
        }
        DlqAudit dlq = DlqAudit.of(ledger.deadLetters(), feed.topic(), topics.readAll(feed.topic() + ".dlq"));
        TableAudit tables = TableAudit.of(db.jdbi(), feed.topic(), ledger);
        BatchLog batches = BatchLog.of(liveLines, ledger, TableAudit.checkpoints(db.jdbi(), feed.topic()));
        scenario.figure("readModel.missingRows", missingRows).figure("readModel.extraRows", extraRows)
                .figure("dlq.expected", dlq.expected()).figure("dlq.records", dlq.records())
                .figure("tables", tables).figure("batches.logged", batches.loggedBatches())
                .figure(Scenario.LOST, missingRows + dlq.missing() + tables.offsetsBehind() + tables.outboxMissing())
                .figure(Scenario.DOUBLED, extraRows + dlq.duplicated() + batches.offsetsCommittedTwice()
                        + tables.digestEntriesDoubled())
                .check("the DLQ holds each poison record exactly once", dlq.exact(), dlq)
                .check("offsets, outbox and digests account for every record", tables.exact(), tables)
                .check("no offset committed twice", batches.offsetsCommittedTwice() == 0, batches);
    }

    /** {@code logLines}: every indexer process's output; {@code kills}: SIGKILLs sent (each may hide one log). */
    public static void readModelAndDeadLetters(Scenario scenario, Feed feed, ReadModelDb db, Topics topics,
                                               List<String> logLines, int kills) {
        Ledger ledger = feed.ledger();
        int missingRows = 0;
        int extraRows = 0;
        long referenceRows = 0;
        for (String chain : feed.chains()) {
            SnapshotDiff diff = SnapshotDiff.of(feed.reference(chain), db.snapshot(chain));
            missingRows += diff.missingRows();
            extraRows += diff.extraRows();
            referenceRows += diff.referenceRows();
            scenario.check("read model of " + chain + " equals the reference", diff.identical(), diff);
        }
        DlqAudit dlq = DlqAudit.of(ledger.deadLetters(), feed.topic(), topics.readAll(feed.topic() + ".dlq"));
        TableAudit tables = TableAudit.of(db.jdbi(), feed.topic(), ledger);
        BatchLog batches = BatchLog.of(logLines, ledger, TableAudit.checkpoints(db.jdbi(), feed.topic()));
        long appliedSurplus = Math.max(0, batches.appliedCounted() - batches.appliedExpected());
        long appliedDeficit = Math.max(0, batches.appliedExpected() - batches.appliedCounted());
        scenario.figure("readModel.referenceRows", referenceRows).figure("readModel.missingRows", missingRows)
                .figure("readModel.extraRows", extraRows)
                .figure("dlq.expected", dlq.expected()).figure("dlq.records", dlq.records())
                .figure("dlq.missing", dlq.missing()).figure("dlq.duplicated", dlq.duplicated())
                .figure("dlq.unexpected", dlq.unexpected()).figure("dlq.wrongReason", dlq.wrongReason())
                .figure("tables", tables)
                .figure("batches.logged", batches.loggedBatches())
                .figure("batches.committedUnlogged", batches.unloggedBatches())
                .figure("offsets.committedTwice", batches.offsetsCommittedTwice())
                .figure("batches.wrongAppliedCount", batches.batchesWithWrongAppliedCount())
                .figure("applied.counted", batches.appliedCounted())
                .figure("applied.expected", batches.appliedExpected())
                .figure("outcomes.expected", ledger.counts())
                .figure(Scenario.LOST, missingRows + dlq.missing() + tables.offsetsBehind() + tables.outboxMissing()
                        + batches.uncovered() + appliedDeficit)
                .figure(Scenario.DOUBLED, extraRows + dlq.duplicated() + batches.offsetsCommittedTwice()
                        + tables.digestEntriesDoubled() + appliedSurplus)
                .check("the DLQ holds each poison record exactly once", dlq.exact(), dlq)
                .check("offsets, outbox and digests account for every record", tables.exact(), tables)
                .check("no offset committed twice", batches.offsetsCommittedTwice() == 0, batches)
                .check("each batch applied what the reference expects", batches.batchesWithWrongAppliedCount() == 0,
                        batches)
                .check("the applied counter equals the reference", batches.appliedCounted()
                        == ledger.counts().get(Expect.APPLIED), batches)
                .check("at most one unlogged committed batch per kill", batches.unloggedBatches() <= kills, batches);
    }
}
