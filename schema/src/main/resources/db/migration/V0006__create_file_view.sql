-- A file as the query API shows it: with the MSP currently assigned to its bucket and the BSPs currently
-- storing it (ascending). A plain view: Postgres inlines it, so filters and keyset bounds on file columns still
-- reach the file indexes, and the BSP list is built only for the rows a page returns.

CREATE VIEW file_view AS
SELECT f.*,
       b.msp_id AS bucket_msp_id,
       ARRAY(SELECT fb.bsp_id
             FROM file_bsp fb
             WHERE fb.chain = f.chain AND fb.file_key = f.file_key
             ORDER BY fb.bsp_id) AS bsps
FROM file f
LEFT JOIN bucket b ON b.chain = f.chain AND b.bucket_id = f.bucket_id;
