SELECT *
FROM payment_stream
WHERE chain = :chain AND user_account = :account AND provider_id > :afterProviderId
ORDER BY provider_id
LIMIT :limit
