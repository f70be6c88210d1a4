package io.storagehub.indexer;

import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.List;

/** Seeded generated chains shared by the tests. */
final class Chains {
    static final String ALPHA = "alpha";
    static final String BETA = "beta";

    private Chains() {
    }

    static List<Envelope> generate(String chain, long seed, int events) {
        return ChainGenerator.of(chain, seed).take(events);
    }
}
