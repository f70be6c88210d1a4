SELECT s.*
FROM unnest(CAST(:userAccounts AS text[]), CAST(:providerIds AS text[])) AS k(user_account, provider_id)
JOIN payment_stream s ON s.chain = :chain AND s.user_account = k.user_account AND s.provider_id = k.provider_id
