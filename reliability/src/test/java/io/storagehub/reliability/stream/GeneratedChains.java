package io.storagehub.reliability.stream;

import io.storagehub.reliability.poison.CorpusRecord;
import io.storagehub.reliability.poison.PoisonCorpus;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.EventFeed;
import java.util.ArrayList;
import java.util.List;

/**
 * A backfill of several generated chains, chain {@code i} on partition {@code i}, published in rounds through a
 * {@link Feed}. The generator's own poison (unknown entities, existing ids, mismatches) stays in; every
 * {@code wirePoisonEvery}-th record is additionally a record of the poison corpus that the decoder rejects.
 */
public final class GeneratedChains {
    private static final int CHUNK = 2_000;
    private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta");

    private final Feed feed;
    private final List<ChainGenerator> generators = new ArrayList<>();
    private final List<CorpusRecord> wirePoison;
    private final int wirePoisonEvery;
    private long sent;

    public GeneratedChains(Feed feed, int partitions, long seed, int wirePoisonEvery) {
        if (partitions < 1 || partitions > NAMES.size()) {
            throw new IllegalArgumentException("1.." + NAMES.size() + " partitions");
        }
        this.feed = feed;
        this.wirePoisonEvery = wirePoisonEvery;
        for (int p = 0; p < partitions; p++) {
            generators.add(new ChainGenerator(ChainGenerator.Config.defaults(NAMES.get(p), seed + p)
                    .withLiveFilesTarget(5_000)));
        }
        this.wirePoison = PoisonCorpus.load().stream().filter(CorpusRecord::poison)
                .filter(r -> !r.caseName().startsWith("reject/") && !r.caseName().startsWith("conflict/")).toList();
    }

    public int partitions() {
        return generators.size();
    }

    public static String chain(int partition) {
        return NAMES.get(partition);
    }

    /** Publishes about {@code events} more records, spread evenly over the partitions, in chunks. */
    public void publish(long events) {
        long perPartition = Math.max(1, events / generators.size());
        for (long done = 0; done < perPartition; done += CHUNK) {
            int size = (int) Math.min(CHUNK, perPartition - done);
            for (int p = 0; p < generators.size(); p++) {
                feed.send(p, chunk(generators.get(p), size));
            }
        }
    }

    private List<EventFeed.Raw> chunk(ChainGenerator generator, int size) {
        List<EventFeed.Raw> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sent++;
            if (wirePoisonEvery > 0 && sent % wirePoisonEvery == 0) {
                CorpusRecord poison = wirePoison.get((int) ((sent / wirePoisonEvery) % wirePoison.size()));
                records.add(new EventFeed.Raw(poison.key(), poison.value()));
            } else {
                records.add(feed.raw(generator.next()));
            }
        }
        return records;
    }
}
