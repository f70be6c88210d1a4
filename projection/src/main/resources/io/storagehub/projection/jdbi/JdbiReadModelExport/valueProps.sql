-- every value proposition of a chain, by MSP then id
SELECT *
FROM value_prop
WHERE chain = :chain
ORDER BY msp_id, value_prop_id
