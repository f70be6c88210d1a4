SELECT *
FROM value_prop
WHERE chain = :chain AND msp_id = :mspId
ORDER BY value_prop_id
