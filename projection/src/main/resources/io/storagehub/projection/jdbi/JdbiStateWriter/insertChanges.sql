-- one row per applied event; a position is written once (a replayed batch's changes are already there)
INSERT INTO change (chain, block, event_index, block_hash, block_time, pallet, name, data, entities)
SELECT u.chain, u.block, u.event_index, u.block_hash, u.block_time, u.pallet, u.name, u.data, u.entities
FROM unnest(CAST(:chain AS text[]), CAST(:block AS bigint[]), CAST(:eventIndex AS bigint[]),
            CAST(:blockHash AS text[]), CAST(:blockTime AS timestamptz[]), CAST(:pallet AS text[]),
            CAST(:name AS text[]), CAST(:data AS text[]), CAST(:entities AS text[]))
     AS u(chain, block, event_index, block_hash, block_time, pallet, name, data, entities)
ON CONFLICT (chain, block, event_index) DO NOTHING
