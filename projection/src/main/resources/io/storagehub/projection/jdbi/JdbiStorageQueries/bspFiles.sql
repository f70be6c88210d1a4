-- the keyset bound is repeated on the file side so that a merge join starts both index scans at the page
SELECT f.*
FROM file_bsp a
JOIN file_view f ON f.chain = a.chain AND f.file_key = a.file_key
WHERE a.chain = :chain AND a.bsp_id = :bspId AND a.file_key > :afterFileKey
  AND f.file_key > :afterFileKey AND f.status <> 'deleted'
ORDER BY a.file_key
LIMIT :limit
