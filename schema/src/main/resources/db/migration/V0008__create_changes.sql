-- Changes (api.md "History and changes"): every applied event kept with the entity rows it created or changed.
--
-- Two tables, because the reads are of two shapes and both must be keyset index scans that cost the same however
-- deep the page:
--  * change: one row per applied event, keyed by its position. GET /changes without a filter is a range scan of
--    its primary key from a position on.
--  * change_key: one narrow row per (change, key it is found by), keyed by (chain, key, position). A history page
--    (either order) and GET /changes with a filter are a range scan of this primary key for one key, joined to
--    change by its primary key (a nested loop of index probes, no sort: the key's rows come in position order).
--    A second, third... filter is a probe of the same index per candidate row. Keys (written by the projection):
--      msp:<id>, bsp:<id>, bucket:<id>, file:<key>   the entity's history, and the msp/bsp/file filters
--      in:<bucketId>                                 the bucket filter: the bucket's row or one of its files' rows
--      account:<account>                             the account filter: a bucket or file it owns, a payment
--                                                    stream of which it is the user
--    Value propositions and payment streams have no history of their own, so no key of their own.
--
-- Write cost: an event adds one change row and typically 3 to 6 key rows (each one heap tuple and one index entry,
-- append-mostly at the right edge of each key's range), written set-based with the batch's rows in the same
-- transaction. A GIN index over a jsonb array of keys was the alternative: it lets a single row carry its keys but
-- answers a key lookup as a bitmap that must be sorted by position, so a deep page costs more than the first.
--
-- data and entities are kept as JSON text, not jsonb: data is served exactly as the wire carried it (field order
-- included, which jsonb would not keep) and neither is ever queried inside, so parsing them on every insert would
-- only add to the write cost. entities is a JSON array of {"kind", "id", "changed": [API field names]}.
CREATE TABLE change (
    chain       text COLLATE "C" NOT NULL,
    block       bigint           NOT NULL,
    event_index bigint           NOT NULL,
    block_hash  text             NOT NULL,
    block_time  timestamptz      NOT NULL,
    pallet      text             NOT NULL,
    name        text             NOT NULL,
    data        text             NOT NULL,
    entities    text             NOT NULL,
    PRIMARY KEY (chain, block, event_index)
);

CREATE TABLE change_key (
    chain       text COLLATE "C" NOT NULL,
    key         text COLLATE "C" NOT NULL,
    block       bigint           NOT NULL,
    event_index bigint           NOT NULL,
    PRIMARY KEY (chain, key, block, event_index)
);
