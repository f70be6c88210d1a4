package io.storagehub.infra.simulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The options every simulator command shares: which chain, which seed, where to keep the resume state. */
final class ChainOptions {
    @Option(names = "--chain", defaultValue = ChainSimulator.DEFAULT_CHAIN,
            description = "Chain name, the record key (default: ${DEFAULT-VALUE}).")
    String chain;

    @Option(names = "--seed", description = "Generator seed (default: " + ChainSimulator.DEFAULT_SEED
            + ", or the one in --state).")
    Long seed;

    @Option(names = "--state", description = "State file: resume after the events it records, and keep it up to date.")
    Path state;

    OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    Optional<Path> stateFile() {
        return Optional.ofNullable(state);
    }
}
