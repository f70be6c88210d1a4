-- every file of a chain, deleted ones included, by key
SELECT *
FROM file_view
WHERE chain = :chain
ORDER BY file_key
