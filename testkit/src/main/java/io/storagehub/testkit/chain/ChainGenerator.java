package io.storagehub.testkit.chain;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.value.Hash32;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A seeded, endless, realistic StorageHub chain, one {@link Envelope} at a time. The same {@link Config} always
 * yields the same sequence. Memory is proportional to the live entities (bounded by
 * {@link Config#liveFilesTarget()}), not to the number of events, so it can stream tens of millions.
 *
 * <p>Blocks are numbered from 1 without gaps, 6 s apart from {@link #EPOCH}, each with 1..
 * {@link Config#eventsPerBlockMax()} events indexed from 0; a block's {@code parentHash} is the previous block's
 * hash. Providers sign up first (and now and then later), users create buckets against MSP value propositions,
 * and storage requests go through every lifecycle. A share {@link Config#poisonRate()} of events is poison the
 * projection must reject, a share {@link Config#notProjectedRate()} belongs to pallets or names it skips; the
 * {@link Verdict} of each event is known ({@link #lastVerdict()}).
 */
public final class ChainGenerator implements Iterator<Envelope> {
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    public static final Duration BLOCK_TIME = Duration.ofSeconds(6);

    /**
     * @param chain            the chain name of every envelope ({@code [a-z0-9-]{1,64}})
     * @param seed             fixes the whole sequence
     * @param poisonRate       share of events the projection must reject, in [0, 0.5]
     * @param eventsPerBlockMax events per block are uniform in 1..this, at least 1
     * @param notProjectedRate share of events of pallets or names the projection skips, in [0, 0.5]
     * @param liveFilesTarget  live files (requested, stored, being deleted) the chain hovers around, >= 10
     */
    public record Config(String chain, long seed, double poisonRate, int eventsPerBlockMax, double notProjectedRate,
                         int liveFilesTarget) {
        public Config {
            if (!Envelope.isValidChain(chain)) {
                throw new IllegalArgumentException("chain must be 1..64 chars of [a-z0-9-], got " + chain);
            }
            if (!(poisonRate >= 0 && poisonRate <= 0.5)) {
                throw new IllegalArgumentException("poisonRate must be in [0, 0.5], got " + poisonRate);
            }
            if (eventsPerBlockMax < 1) {
                throw new IllegalArgumentException("eventsPerBlockMax must be >= 1, got " + eventsPerBlockMax);
            }
            if (!(notProjectedRate >= 0 && notProjectedRate <= 0.5)) {
                throw new IllegalArgumentException("notProjectedRate must be in [0, 0.5], got " + notProjectedRate);
            }
            if (liveFilesTarget < 10) {
                throw new IllegalArgumentException("liveFilesTarget must be >= 10, got " + liveFilesTarget);
            }
        }

        /** Poison 1 %, up to 12 events per block, 8 % not projected, about 20 000 live files. */
        public static Config defaults(String chain, long seed) {
            return new Config(chain, seed, 0.01, 12, 0.08, 20_000);
        }

        public Config withPoisonRate(double rate) {
            return new Config(chain, seed, rate, eventsPerBlockMax, notProjectedRate, liveFilesTarget);
        }

        public Config withEventsPerBlockMax(int max) {
            return new Config(chain, seed, poisonRate, max, notProjectedRate, liveFilesTarget);
        }

        public Config withNotProjectedRate(double rate) {
            return new Config(chain, seed, poisonRate, eventsPerBlockMax, rate, liveFilesTarget);
        }

        public Config withLiveFilesTarget(int target) {
            return new Config(chain, seed, poisonRate, eventsPerBlockMax, notProjectedRate, target);
        }
    }

    private final Config config;
    private final Rng rng;
    private final World world;
    private final long blockSalt;
    private final Chooser valid;
    private final Chooser poison;
    private final FilePoison filePoison;
    private final OtherPallets others;
    private final Mix mix = new Mix();
    private final Map<Verdict, long[]> verdicts = new EnumMap<>(Verdict.class);

    private BlockRef block;
    private int remainingInBlock;
    private long index;
    private long emitted;
    private Verdict lastVerdict;

    public ChainGenerator(Config config) {
        this.config = config;
        long chainSalt = Rng.mix(config.chain().hashCode() * 0x9E3779B97F4A7C15L);
        this.rng = new Rng(Rng.mix(config.seed()) ^ chainSalt);
        this.blockSalt = Rng.mix(config.seed() ^ Rng.mix(chainSalt + 1));
        this.world = new World(rng, config.liveFilesTarget());
        List<Action> validActions = new ArrayList<>();
        validActions.addAll(new ProviderActions(world).actions());
        validActions.addAll(new BucketActions(world).actions());
        validActions.addAll(new RequestActions(world).actions());
        validActions.addAll(new EndActions(world).actions());
        validActions.addAll(new StreamActions(world).actions());
        this.valid = new Chooser(rng, validActions);
        this.filePoison = new FilePoison(world);
        List<Action> poisonActions = new ArrayList<>();
        poisonActions.addAll(filePoison.actions());
        poisonActions.addAll(new ProviderPoison(world).actions());
        poisonActions.addAll(new StreamPoison(world).actions());
        this.poison = new Chooser(rng, poisonActions);
        this.others = new OtherPallets(world);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, new long[1]);
        }
    }

    /** A generator with {@link Config#defaults(String, long)}. */
    public static ChainGenerator of(String chain, long seed) {
        return new ChainGenerator(Config.defaults(chain, seed));
    }

    public Config config() {
        return config;
    }

    /** Always true: the chain never ends. */
    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Envelope next() {
        if (remainingInBlock == 0) {
            nextBlock();
        }
        Emission emission = nextEmission();
        Envelope envelope = new Envelope(config.chain(), block, index++, emission.event());
        remainingInBlock--;
        emitted++;
        lastVerdict = emission.verdict();
        verdicts.get(lastVerdict)[0]++;
        mix.add(emission.event());
        return envelope;
    }

    /** The next {@code n} events. */
    public List<Envelope> take(int n) {
        List<Envelope> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(next());
        }
        return events;
    }

    /** What the projection must do with the event {@link #next()} returned last (null before the first). */
    public Verdict lastVerdict() {
        return lastVerdict;
    }

    public long emitted() {
        return emitted;
    }

    public long count(Verdict verdict) {
        return verdicts.get(verdict)[0];
    }

    public long poisonCount() {
        return count(Verdict.UNKNOWN_ENTITY) + count(Verdict.ALREADY_EXISTS) + count(Verdict.MISMATCH);
    }

    /** The event mix emitted so far (live view). */
    public Mix mix() {
        return mix;
    }

    /** The hash of block {@code number} of this chain (number 0 is the genesis block, never emitted). */
    public Hash32 blockHash(long number) {
        return Ids.derivedHash(blockSalt, number);
    }

    /** The model behind the stream (for this package's tests). */
    World world() {
        return world;
    }

    private void nextBlock() {
        long number = block == null ? 1 : block.number() + 1;
        block = new BlockRef(number, Ids.derivedHash(blockSalt, number), Ids.derivedHash(blockSalt, number - 1),
                EPOCH.plus(BLOCK_TIME.multipliedBy(number)));
        world.block = number;
        remainingInBlock = 1 + rng.nextInt(config.eventsPerBlockMax());
        index = 0;
    }

    private Emission nextEmission() {
        double r = rng.nextDouble();
        Emission emission;
        if (r < config.poisonRate()) {
            emission = poison.choose();
            if (emission == null) {
                emission = filePoison.statusOfUnknownFile();
            }
        } else if (r < config.poisonRate() + config.notProjectedRate()) {
            emission = new Emission(others.next(), Verdict.NOT_PROJECTED);
        } else {
            emission = valid.choose();
        }
        return emission != null ? emission : new Emission(others.next(), Verdict.NOT_PROJECTED);
    }
}
