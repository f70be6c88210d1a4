-- every MSP of a chain, by id
SELECT *
FROM msp
WHERE chain = :chain
ORDER BY msp_id
