SELECT *
FROM file_view
WHERE chain = :chain AND file_key = :fileKey
