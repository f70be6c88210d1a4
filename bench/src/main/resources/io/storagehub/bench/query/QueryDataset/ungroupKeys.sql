-- a chain's key rows of the given keys (hex), one per change: the deep history's changes lie between positions of
-- the large bucket's own changes, inside the runs its grouped key rows cover, and a key's groups must cover
-- disjoint runs (V0010); a deleted row's position comes back as one of the single-change rows
WITH grouped AS (
    DELETE FROM change_key
    WHERE chain = ? AND key = ANY (SELECT decode(k, 'hex') FROM unnest(CAST(? AS text[])) AS k) AND blocks IS NOT NULL
    RETURNING chain, key, blocks, event_indexes)
INSERT INTO change_key (chain, key, block, event_index)
SELECT g.chain, g.key, p.block, p.event_index
FROM grouped g, unnest(g.blocks, g.event_indexes) AS p(block, event_index)
