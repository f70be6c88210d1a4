-- a query rather than the table: COPY TO reads no partitioned table (change_key) directly
SELECT format('COPY (SELECT * FROM %I) TO STDOUT (FORMAT binary)', ?::text)
