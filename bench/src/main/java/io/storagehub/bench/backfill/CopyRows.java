package io.storagehub.bench.backfill;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.projection.table.CopyText;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of every table the indexer writes, rendered as COPY text from a {@link Reference}: the read model
 * from its snapshot, plus the chain position, the source checkpoint, the dead letters and one digest row per
 * block. Columns the snapshot does not carry get equivalent values: a bucket's MSP-confirmed size is summed
 * from its files; a BSP's confirmation of a file takes the file's last position.
 */
public final class CopyRows {
    /**
     * Changes per group of key rows: the indexer groups a key's changes per batch, of at most its default
     * {@code STORAGEHUB_INDEXER_MAX_BATCH} records (the bench's runs use that default).
     */
    private static final int KEY_GROUP_CHANGES = IndexerConfig.DEFAULT_MAX_BATCH;
    private CopyRows() {
    }

    /** Table name (a resource {@code <table>.sql} holds its COPY statement) to its rows, in load order. */
    public static Map<String, CopyText> of(Reference reference, ReadModelSnapshot s, String topic) {
        String chain = s.chain();
        Map<String, CopyText> tables = new LinkedHashMap<>();
        CopyText msp = table(tables, "msp");
        CopyText valueProp = table(tables, "value_prop");
        for (MspDetail detail : s.msps()) {
            MspView m = detail.msp();
            msp.text(chain).value(m.mspId()).value(m.account()).value(m.capacity()).value(m.usedCapacity())
                    .array(m.multiaddresses()).text(m.status()).value(m.slashedTotal()).value(m.signedUpAt())
                    .value(m.bucketCount());
            provenance(msp, m.createdAt(), m.updatedAt());
            for (ValuePropView vp : detail.valueProps()) {
                valueProp.text(chain).value(m.mspId()).value(vp.valuePropId())
                        .value(vp.pricePerGigaUnitOfDataPerBlock()).value(vp.commitment())
                        .value(vp.bucketDataLimit()).bool(vp.available());
                provenance(valueProp, vp.createdAt(), vp.updatedAt());
            }
        }
        CopyText bsp = table(tables, "bsp");
        for (BspView b : s.bsps()) {
            bsp.text(chain).value(b.bspId()).value(b.account()).value(b.capacity()).value(b.usedCapacity())
                    .value(b.root()).array(b.multiaddresses()).text(b.status()).value(b.slashedTotal())
                    .value(b.signedUpAt()).value(b.fileCount());
            provenance(bsp, b.createdAt(), b.updatedAt());
        }
        Map<String, BigInteger> confirmedSize = new HashMap<>();
        for (FileView f : s.files()) {
            if (f.mspConfirmed() && !f.status().equals("deleted")) {
                confirmedSize.merge(f.bucketId().hex(), f.size(), BigInteger::add);
            }
        }
        CopyText bucket = table(tables, "bucket");
        for (BucketView b : s.buckets()) {
            bucket.text(chain).value(b.bucketId()).value(b.owner()).value(b.mspId()).text(b.name()).value(b.root())
                    .bool(b.isPrivate()).value(b.collectionId()).value(b.valuePropId()).value(b.fileCount())
                    .value(b.totalSize()).value(confirmedSize.getOrDefault(b.bucketId().hex(), BigInteger.ZERO))
                    .bool(b.deleted());
            provenance(bucket, b.createdAt(), b.updatedAt());
        }
        CopyText file = table(tables, "file");
        CopyText fileBsp = table(tables, "file_bsp");
        for (FileView f : s.files()) {
            file.text(chain).value(f.fileKey()).value(f.bucketId()).value(f.owner()).value(f.location())
                    .value(f.fingerprint()).value(f.size()).array(f.peerIds()).text(f.status())
                    .bool(f.mspConfirmed()).value(f.bspsRequired()).value(f.replicas()).value(f.expiresAt())
                    .text(f.rejectReason());
            provenance(file, f.createdAt(), f.updatedAt());
            for (ProviderId id : f.bsps()) {
                fileBsp.text(chain).value(id).value(f.fileKey()).value(f.updatedAt().block())
                        .value(f.updatedAt().block()).value(f.updatedAt().index());
                fileBsp.endRow();
            }
        }
        CopyText stream = table(tables, "payment_stream");
        for (PaymentStreamView p : s.streams()) {
            stream.text(chain).value(p.userAccount()).value(p.providerId()).text(p.kind()).value(p.rate())
                    .value(p.amountProvided()).value(p.totalCharged()).value(p.lastTickCharged());
            provenance(stream, p.createdAt(), p.updatedAt());
        }
        table(tables, "chain_position").text(chain).value(s.lastPosition().block())
                .value(s.lastPosition().index()).endRow();
        table(tables, "source_checkpoint").text("live").text(topic).value(0).value(reference.events()).endRow();
        CopyText digest = table(tables, "event_digest");
        reference.eventsPerBlock().forEach((block, count) -> {
            ByteBuffer entries = ByteBuffer.allocate(count * 12);
            for (int i = 0; i < count; i++) {
                entries.putInt(i).putLong(block * 31 + i);
            }
            digest.text(chain).value(block).bytea(entries.array()).endRow();
        });
        CopyText deadLetter = table(tables, "dead_letter");
        for (Reference.DeadLetterRow d : reference.deadLetters()) {
            deadLetter.text(topic).value(0).value(d.offset()).text(d.event().chain())
                    .value(d.event().block().number()).value(d.event().index()).text(d.reasonKind())
                    .text(d.reason()).bytea(d.key()).bytea(d.value()).endRow();
        }
        CopyText change = table(tables, "change");
        CopyText changeKey = table(tables, "change_key");
        ChangeRows.Writer changes = new ChangeRows.Writer(chain);
        int inBatch = 0;
        for (RecordedChange r : reference.changes(chain)) {
            changes.append(r, change);
            if (++inBatch == KEY_GROUP_CHANGES) {
                changes.writeKeys(changeKey);
                inBatch = 0;
            }
        }
        changes.writeKeys(changeKey);
        return tables;
    }

    private static CopyText table(Map<String, CopyText> tables, String name) {
        return tables.computeIfAbsent(name, k -> new CopyText());
    }

    private static void provenance(CopyText row, Position created, Position updated) {
        row.value(created.block()).value(created.index()).value(updated.block()).value(updated.index()).endRow();
    }
}
