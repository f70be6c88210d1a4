-- Storage providers: MSPs (with their value propositions) and BSPs, per chain.
-- Conventions for every read-model table:
--   * every row is scoped by chain;
--   * ids, accounts, hashes and locations are text COLLATE "C": byte order, the order the API pages in;
--   * u64 -> numeric(20,0), u128 -> numeric(39,0), sums of them -> numeric (a sum may outgrow its parts);
--   * u32 (blocks, indexes, ticks) -> bigint;
--   * created_/updated_ (block, index) is the provenance: the positions of the events that created the row
--     and last changed it.

CREATE TABLE msp (
    chain          text COLLATE "C"   NOT NULL,
    msp_id         text COLLATE "C"   NOT NULL,
    account        text COLLATE "C"   NOT NULL,
    capacity       numeric(20, 0)     NOT NULL,
    used_capacity  numeric            NOT NULL DEFAULT 0,
    multiaddresses text[]             NOT NULL DEFAULT '{}',
    status         text               NOT NULL CHECK (status IN ('active', 'signed_off')),
    slashed_total  numeric            NOT NULL DEFAULT 0,
    signed_up_at   bigint             NOT NULL,
    bucket_count   bigint             NOT NULL DEFAULT 0,
    created_block  bigint             NOT NULL,
    created_index  bigint             NOT NULL,
    updated_block  bigint             NOT NULL,
    updated_index  bigint             NOT NULL,
    PRIMARY KEY (chain, msp_id)
);

CREATE TABLE value_prop (
    chain             text COLLATE "C" NOT NULL,
    msp_id            text COLLATE "C" NOT NULL,
    value_prop_id     text COLLATE "C" NOT NULL,
    price_per_giga_unit_of_data_per_block numeric(39, 0) NOT NULL,
    commitment        text COLLATE "C" NOT NULL,
    bucket_data_limit numeric(20, 0)   NOT NULL,
    available         boolean          NOT NULL,
    created_block     bigint           NOT NULL,
    created_index     bigint           NOT NULL,
    updated_block     bigint           NOT NULL,
    updated_index     bigint           NOT NULL,
    PRIMARY KEY (chain, msp_id, value_prop_id)
);

CREATE TABLE bsp (
    chain          text COLLATE "C"   NOT NULL,
    bsp_id         text COLLATE "C"   NOT NULL,
    account        text COLLATE "C"   NOT NULL,
    capacity       numeric(20, 0)     NOT NULL,
    used_capacity  numeric            NOT NULL DEFAULT 0,
    root           text COLLATE "C"   NOT NULL,
    multiaddresses text[]             NOT NULL DEFAULT '{}',
    status         text               NOT NULL CHECK (status IN ('active', 'signed_off')),
    slashed_total  numeric            NOT NULL DEFAULT 0,
    signed_up_at   bigint             NOT NULL,
    file_count     bigint             NOT NULL DEFAULT 0,
    created_block  bigint             NOT NULL,
    created_index  bigint             NOT NULL,
    updated_block  bigint             NOT NULL,
    updated_index  bigint             NOT NULL,
    PRIMARY KEY (chain, bsp_id)
);
