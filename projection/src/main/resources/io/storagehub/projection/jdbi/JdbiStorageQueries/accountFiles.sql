SELECT *
FROM file_view
WHERE chain = :chain AND owner = :account AND status <> 'deleted' AND file_key > :afterFileKey
ORDER BY file_key
LIMIT :limit
