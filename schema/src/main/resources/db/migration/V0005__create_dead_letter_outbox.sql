-- Poison input, written by the indexer in the same transaction as the batch that met it (so a record is
-- dead-lettered exactly when its batch's checkpoint commits), then published to the dead-letter topic and
-- marked published. One row per source record: re-inserting the same record is a no-op with
-- ON CONFLICT (topic, partition, record_offset) DO NOTHING.

CREATE TABLE dead_letter (
    id             bigserial PRIMARY KEY,
    topic          text COLLATE "C" NOT NULL,
    partition      integer          NOT NULL,
    record_offset  bigint           NOT NULL,
    chain          text COLLATE "C",
    block          bigint,
    event_index    bigint,
    reason_kind    text             NOT NULL,
    reason         text             NOT NULL,
    original_key   bytea,
    original_value bytea,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    published      boolean          NOT NULL DEFAULT false,
    UNIQUE (topic, partition, record_offset)
);

-- the publisher's queue: what is left to publish, oldest first
CREATE INDEX dead_letter_unpublished ON dead_letter (id) WHERE NOT published;
