SELECT *
FROM payment_stream
WHERE chain = :chain AND provider_id = :providerId AND user_account > :afterUserAccount
ORDER BY user_account
LIMIT :limit
