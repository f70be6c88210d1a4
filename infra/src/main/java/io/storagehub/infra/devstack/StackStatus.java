package io.storagehub.infra.devstack;

import java.util.OptionalLong;

/**
 * One progress sample. {@code produced}: events the simulator has published (all runs); {@code inTopic}: records
 * in the topic; {@code indexed}: records the read model's checkpoints account for (applied, skipped or
 * dead-lettered); {@code lag} = {@code inTopic - indexed}; {@code lastBlock}: the chain's last indexed block.
 */
record StackStatus(long produced, long inTopic, long indexed, OptionalLong lastBlock, double applied,
                   double deadLettered) {

    long lag() {
        return Math.max(0, inTopic - indexed);
    }

    String line(String chain, StackStatus previous, double seconds) {
        String rate = previous == null || seconds <= 0 ? ""
                : String.format(" (%.1f/s)", (indexed - previous.indexed) / seconds);
        return String.format("[devstack] produced %,d | indexed %,d%s | lag %,d | %s at block %s"
                        + " | applied %,.0f, dead-lettered %,.0f (this run)",
                produced, indexed, rate, lag(), chain,
                lastBlock.isPresent() ? String.format("%,d", lastBlock.getAsLong()) : "-", applied, deadLettered);
    }
}
