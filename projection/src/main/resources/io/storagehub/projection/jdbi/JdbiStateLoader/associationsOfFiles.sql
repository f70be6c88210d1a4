SELECT *
FROM file_bsp
WHERE chain = :chain AND file_key = ANY(:fileKeys)
