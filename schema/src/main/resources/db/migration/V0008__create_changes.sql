-- Changes (api.md "History and changes"): every applied event kept with the entity rows it created or changed.
--
-- Two tables, because the reads are of two shapes and both must be keyset index scans that cost the same however
-- deep the page:
--  * change: one row per applied event, keyed by its position. GET /changes without a filter is a range scan of
--    its primary key from a position on.
--  * change_key: one narrow row per (change, key it is found by), keyed by (chain, key, position). A history page
--    (either order) and GET /changes with a filter are a range scan of this primary key for one key, joined to
--    change by its primary key (a nested loop of index probes, no sort: the key's rows come in position order).
--    A second, third... filter is a probe of the same index per candidate row. A key is one byte saying what it
--    finds, then the bytes of an id (written by the projection):
--      0x01 msp id, 0x02 bsp id, 0x03 bucket id, 0x04 file key   the entity's history, the msp/bsp/file filters
--      0x05 bucket id       the bucket filter: the bucket's row or one of its files' rows
--      0x06 account         the account filter: a bucket or file it owns, a payment stream of which it is the user
--    Value propositions and payment streams have no history of their own, so no key of their own. bytea rather
--    than text: 33 bytes instead of about 70 per key, and this table takes 4 to 5 rows per event.
--
-- Write cost: an event adds one change row and typically 3 to 6 key rows (each one heap tuple and one index entry,
-- append-mostly at the right edge of each key's range), written with COPY in the batch's transaction (bulk mode:
-- one COPY per table for the whole replay, the primary keys built afterwards). A GIN index over a jsonb array of
-- keys was the alternative: it lets a single row carry its keys but answers a key lookup as a bitmap that must be
-- sorted by position, so a deep page costs more than the first.
--
-- data is kept as JSON text, not jsonb: it is served exactly as the wire carried it (field order included, which
-- jsonb would not keep) and never queried inside, so parsing it on every insert would only add to the write cost.
-- entities is compact text, one entity after the other separated by ';': the kind's number (0 msp, 1 bsp,
-- 2 valueProp, 3 bucket, 4 file, 5 paymentStream), a space, the id, a space, and the changed API fields as a hex
-- bit mask over the kind's fields in API order (io.storagehub.projection.state.EntityFields); the query side
-- turns it into the API's {"kind", "id", "changed": [names]}.
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
    key         bytea            NOT NULL,
    block       bigint           NOT NULL,
    event_index bigint           NOT NULL,
    PRIMARY KEY (chain, key, block, event_index)
);
