SELECT *
FROM bsp
WHERE chain = :chain AND bsp_id = ANY(:ids)
