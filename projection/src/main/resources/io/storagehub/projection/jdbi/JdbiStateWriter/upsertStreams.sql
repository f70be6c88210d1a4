INSERT INTO payment_stream (chain, user_account, provider_id, kind, rate, amount_provided, total_charged,
                            last_tick_charged, created_block, created_index, updated_block, updated_index)
SELECT *
FROM unnest(CAST(:chain AS text[]), CAST(:userAccount AS text[]), CAST(:providerId AS text[]),
            CAST(:kind AS text[]), CAST(:rate AS numeric[]), CAST(:amountProvided AS numeric[]),
            CAST(:totalCharged AS numeric[]), CAST(:lastTickCharged AS bigint[]), CAST(:createdBlock AS bigint[]),
            CAST(:createdIndex AS bigint[]), CAST(:updatedBlock AS bigint[]), CAST(:updatedIndex AS bigint[]))
ON CONFLICT (chain, user_account, provider_id) DO UPDATE SET
    kind = EXCLUDED.kind,
    rate = EXCLUDED.rate,
    amount_provided = EXCLUDED.amount_provided,
    total_charged = EXCLUDED.total_charged,
    last_tick_charged = EXCLUDED.last_tick_charged,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
