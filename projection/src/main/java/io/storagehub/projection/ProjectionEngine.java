package io.storagehub.projection;

import io.storagehub.projection.apply.Applier;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.ChainUnitOfWork;
import io.storagehub.projection.state.StateLoader;
import io.storagehub.schema.event.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a batch through the {@link Applier}, one unit of work per chain, over any storage adapter's loader. Both
 * adapters call this, so they share every rule; they differ only in how rows are read and written.
 */
public final class ProjectionEngine {

    private ProjectionEngine() {
    }

    /** The outcomes (in batch order) and the changes to write (per chain). */
    public record Result(BatchResult result, List<Changes> changes) {
    }

    /** Runs a batch, keeping its applied events as changes. */
    public static Result run(Batch batch, StateLoader loader) {
        return run(batch, loader, true);
    }

    /** Runs a batch; {@code recordChanges}: whether applied events are kept as changes ({@link Changes#changes}). */
    public static Result run(Batch batch, StateLoader loader, boolean recordChanges) {
        List<Envelope> events = batch.events();
        Map<String, List<Integer>> byChain = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            byChain.computeIfAbsent(events.get(i).chain(), c -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[events.size()];
        List<Changes> changes = new ArrayList<>();
        // chains in name order, so that concurrent writers take chain locks in one order
        byChain.forEach((chain, indexes) -> {
            ChainUnitOfWork uow = new ChainUnitOfWork(chain, loader, recordChanges);
            List<Outcome> chainOutcomes = Applier.apply(uow, indexes.stream().map(events::get).toList());
            for (int i = 0; i < indexes.size(); i++) {
                outcomes[indexes.get(i)] = chainOutcomes.get(i);
            }
            Changes c = uow.changes();
            if (!c.isEmpty()) {
                changes.add(c);
            }
        });
        return new Result(new BatchResult(List.of(outcomes)), changes);
    }
}
