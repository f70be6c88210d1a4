-- the last file before each wanted page: its (location, file_key) is the page's keyset lower bound
SELECT location, file_key
FROM file
WHERE chain = ? AND bucket_id = ? AND status <> 'deleted'
ORDER BY location, file_key
OFFSET ? LIMIT ?
