-- random file keys, deleted files included (a lookup returns them too)
SELECT file_key FROM file WHERE chain = ? ORDER BY random() LIMIT ?
