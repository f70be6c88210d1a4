-- every payment stream of a chain, by user then provider
SELECT *
FROM payment_stream
WHERE chain = :chain
ORDER BY user_account, provider_id
