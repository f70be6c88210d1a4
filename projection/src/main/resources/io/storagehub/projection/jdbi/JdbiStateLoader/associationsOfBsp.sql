SELECT *
FROM file_bsp
WHERE chain = :chain AND bsp_id = :bspId
