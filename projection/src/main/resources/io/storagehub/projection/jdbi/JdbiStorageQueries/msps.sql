SELECT *
FROM msp
WHERE chain = :chain AND msp_id > :afterMspId
ORDER BY msp_id
LIMIT :limit
