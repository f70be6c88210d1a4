SELECT *
FROM msp
WHERE chain = :chain AND msp_id = ANY(:ids)
