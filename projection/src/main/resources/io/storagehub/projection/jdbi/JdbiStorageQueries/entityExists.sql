-- whether the entity whose history is asked for exists (else the API answers 404, as for its lookup)
SELECT CASE :kind
           WHEN 'msp' THEN EXISTS (SELECT 1 FROM msp WHERE chain = :chain AND msp_id = :id)
           WHEN 'bsp' THEN EXISTS (SELECT 1 FROM bsp WHERE chain = :chain AND bsp_id = :id)
           WHEN 'bucket' THEN EXISTS (SELECT 1 FROM bucket WHERE chain = :chain AND bucket_id = :id)
           WHEN 'file' THEN EXISTS (SELECT 1 FROM file WHERE chain = :chain AND file_key = :id)
       END
