-- every BSP of a chain, by id
SELECT *
FROM bsp
WHERE chain = :chain
ORDER BY bsp_id
