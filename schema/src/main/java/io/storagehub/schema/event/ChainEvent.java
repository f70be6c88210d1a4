package io.storagehub.schema.event;

/**
 * The payload of one chain event, apart from its position. One sealed family per projected pallet, plus
 * {@link NotProjected} for every other {@code (pallet, name)} pair, which is valid input the indexer skips.
 *
 * <p>Record components are named exactly as the contract's camelCase fields. Conventions the codec reads:
 * {@code long} is a u32, {@link io.storagehub.schema.value.U64} a u64 JSON integer,
 * {@link io.storagehub.schema.value.Balance} a u128 decimal string, {@code List<String>} a list of
 * multiaddresses or peer ids, {@link Nullable} marks "or null", {@link DefaultsTo} an optional u32.
 */
public sealed interface ChainEvent permits ProvidersEvent, FileSystemEvent, PaymentStreamsEvent, NotProjected {

    /** The pallet name on the wire. */
    String pallet();

    /** The event name on the wire. */
    default String name() {
        return getClass().getSimpleName();
    }
}
