DELETE FROM file_bsp a
USING unnest(CAST(:chain AS text[]), CAST(:bspId AS text[]), CAST(:fileKey AS text[])) AS d(chain, bsp_id, file_key)
WHERE a.chain = d.chain AND a.bsp_id = d.bsp_id AND a.file_key = d.file_key
