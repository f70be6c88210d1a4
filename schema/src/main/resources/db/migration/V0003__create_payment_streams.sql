-- Payment streams between a user account and a provider, per chain. A deleted stream is a removed row.

CREATE TABLE payment_stream (
    chain             text COLLATE "C" NOT NULL,
    user_account      text COLLATE "C" NOT NULL,
    provider_id       text COLLATE "C" NOT NULL,
    kind              text             NOT NULL,
    rate              numeric(39, 0),
    amount_provided   numeric(20, 0),
    total_charged     numeric          NOT NULL DEFAULT 0,
    last_tick_charged bigint,
    created_block     bigint           NOT NULL,
    created_index     bigint           NOT NULL,
    updated_block     bigint           NOT NULL,
    updated_index     bigint           NOT NULL,
    PRIMARY KEY (chain, user_account, provider_id),
    CONSTRAINT payment_stream_kind CHECK (
        (kind = 'fixed' AND rate IS NOT NULL AND amount_provided IS NULL)
        OR (kind = 'dynamic' AND amount_provided IS NOT NULL AND rate IS NULL))
);

CREATE INDEX payment_stream_by_provider ON payment_stream (chain, provider_id, user_account);
