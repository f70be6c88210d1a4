COPY payment_stream (chain, user_account, provider_id, kind, rate, amount_provided, total_charged, last_tick_charged, created_block, created_index, updated_block, updated_index) FROM STDIN
