SELECT *
FROM bsp
WHERE chain = :chain AND bsp_id > :afterBspId
ORDER BY bsp_id
LIMIT :limit
