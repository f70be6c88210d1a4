-- How far the projection got: per chain (last applied position, plus a digest of every consumed position so a
-- re-delivered position can be told apart from a conflicting one) and per source topic partition.

-- One row per chain, also the chain's write lock (SELECT ... FOR UPDATE): two writers of one chain serialize.
-- last_block/last_index are null while no event of the chain has been applied.
CREATE TABLE chain_position (
    chain      text COLLATE "C" PRIMARY KEY,
    last_block bigint,
    last_index bigint,
    updated_at timestamptz      NOT NULL DEFAULT now(),
    CHECK ((last_block IS NULL) = (last_index IS NULL))
);

-- Digests of consumed positions, one row per (chain, block): entries packs 12 bytes per event, the event
-- index (u32, big-endian) then its 64-bit digest, appended batch after batch (a block split across batches is
-- appended to with entries || EXCLUDED.entries). One row per block rather than per event because this table
-- is written for every event and read only for re-delivered ones: a batch adds one row per block it touches
-- instead of one heap tuple and one index entry per event, which keeps it a small fraction of the write cost.
CREATE TABLE event_digest (
    chain   text COLLATE "C" NOT NULL,
    block   bigint           NOT NULL,
    entries bytea            NOT NULL,
    PRIMARY KEY (chain, block)
);

-- The next offset to read from each source topic partition, written in the same transaction as the batch it
-- ends (and only ever moved forward). projection names the consumer of the source ('live' for the indexer).
CREATE TABLE source_checkpoint (
    projection  text COLLATE "C" NOT NULL DEFAULT 'live',
    topic       text COLLATE "C" NOT NULL,
    partition   integer          NOT NULL CHECK (partition >= 0),
    next_offset bigint           NOT NULL CHECK (next_offset >= 0),
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, topic, partition)
);
