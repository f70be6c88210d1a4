SELECT *
FROM file
WHERE chain = :chain AND file_key = ANY(:ids)
