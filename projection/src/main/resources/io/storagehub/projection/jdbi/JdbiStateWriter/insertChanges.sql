-- one row per applied event: only events after the chain's last applied position are applied, so a position is
-- never written twice (a plain INSERT, no conflict check per row; a duplicate would be a bug and roll back the batch)
INSERT INTO change (chain, block, event_index, block_hash, block_time, pallet, name, data, entities)
SELECT u.chain, u.block, u.event_index, u.block_hash, u.block_time, u.pallet, u.name, u.data, u.entities
FROM unnest(CAST(:chain AS text[]), CAST(:block AS bigint[]), CAST(:eventIndex AS bigint[]),
            CAST(:blockHash AS text[]), CAST(:blockTime AS timestamptz[]), CAST(:pallet AS text[]),
            CAST(:name AS text[]), CAST(:data AS text[]), CAST(:entities AS text[]))
     AS u(chain, block, event_index, block_hash, block_time, pallet, name, data, entities)

