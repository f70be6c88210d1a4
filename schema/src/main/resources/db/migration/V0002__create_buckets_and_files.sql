-- Buckets, files and which BSPs store which files, per chain. Lists hide deleted buckets and files, so their
-- listing indexes are partial: they cover exactly the rows a list can return, in the list's keyset order.

CREATE TABLE bucket (
    chain              text COLLATE "C" NOT NULL,
    bucket_id          text COLLATE "C" NOT NULL,
    owner              text COLLATE "C" NOT NULL,
    msp_id             text COLLATE "C",
    name               text             NOT NULL,
    root               text COLLATE "C" NOT NULL,
    is_private         boolean          NOT NULL,
    collection_id      text COLLATE "C",
    value_prop_id      text COLLATE "C",
    file_count         bigint           NOT NULL DEFAULT 0,
    total_size         numeric          NOT NULL DEFAULT 0,
    -- internal: total size of the bucket's msp-confirmed, not deleted files (what it adds to its MSP's
    -- used capacity, and what a move transfers)
    msp_confirmed_size numeric          NOT NULL DEFAULT 0,
    deleted            boolean          NOT NULL DEFAULT false,
    created_block      bigint           NOT NULL,
    created_index      bigint           NOT NULL,
    updated_block      bigint           NOT NULL,
    updated_index      bigint           NOT NULL,
    PRIMARY KEY (chain, bucket_id)
);

CREATE INDEX bucket_by_msp ON bucket (chain, msp_id, bucket_id) WHERE NOT deleted;
CREATE INDEX bucket_by_owner ON bucket (chain, owner, bucket_id) WHERE NOT deleted;

CREATE TABLE file (
    chain          text COLLATE "C" NOT NULL,
    file_key       text COLLATE "C" NOT NULL,
    bucket_id      text COLLATE "C" NOT NULL,
    owner          text COLLATE "C" NOT NULL,
    location       text COLLATE "C" NOT NULL,
    fingerprint    text COLLATE "C" NOT NULL,
    size           numeric(20, 0)   NOT NULL,
    peer_ids       text[]           NOT NULL DEFAULT '{}',
    status         text             NOT NULL CHECK (status IN ('requested', 'stored', 'expired', 'revoked',
                                                               'rejected', 'deletion_requested', 'deleted')),
    msp_confirmed  boolean          NOT NULL DEFAULT false,
    bsps_required  bigint           NOT NULL,
    replicas       bigint           NOT NULL DEFAULT 0,
    expires_at     bigint           NOT NULL,
    reject_reason  text,
    created_block  bigint           NOT NULL,
    created_index  bigint           NOT NULL,
    updated_block  bigint           NOT NULL,
    updated_index  bigint           NOT NULL,
    PRIMARY KEY (chain, file_key)
);

-- bucket listing by location (also serves prefix ranges and folder trees)
CREATE INDEX file_by_location ON file (chain, bucket_id, location, file_key) WHERE status <> 'deleted';
-- the operator's repair list: small, so the under-replicated listing never walks the whole bucket
CREATE INDEX file_under_replicated ON file (chain, bucket_id, location, file_key)
    WHERE status = 'stored' AND replicas < bsps_required;
CREATE INDEX file_by_owner ON file (chain, owner, file_key) WHERE status <> 'deleted';

CREATE TABLE file_bsp (
    chain         text COLLATE "C" NOT NULL,
    bsp_id        text COLLATE "C" NOT NULL,
    file_key      text COLLATE "C" NOT NULL,
    confirmed_at  bigint           NOT NULL,
    created_block bigint           NOT NULL,
    created_index bigint           NOT NULL,
    PRIMARY KEY (chain, bsp_id, file_key)
);

CREATE INDEX file_bsp_by_file ON file_bsp (chain, file_key, bsp_id);
