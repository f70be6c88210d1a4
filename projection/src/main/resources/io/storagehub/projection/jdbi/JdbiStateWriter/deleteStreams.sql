DELETE FROM payment_stream s
USING unnest(CAST(:chain AS text[]), CAST(:userAccount AS text[]), CAST(:providerId AS text[]))
      AS d(chain, user_account, provider_id)
WHERE s.chain = d.chain AND s.user_account = d.user_account AND s.provider_id = d.provider_id
