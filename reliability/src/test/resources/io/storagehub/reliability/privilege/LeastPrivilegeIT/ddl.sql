CREATE TABLE reliability_probe (id int)
CREATE TABLE public.reliability_probe (id int)
CREATE VIEW reliability_probe_view AS SELECT 1 AS one
CREATE INDEX reliability_probe_index ON file (size)
ALTER TABLE msp ADD COLUMN reliability_probe int
ALTER TABLE bucket RENAME TO bucket_renamed
DROP TABLE payment_stream
DROP VIEW file_view
CREATE SCHEMA reliability_probe
CREATE FUNCTION reliability_probe() RETURNS int AS 'SELECT 1' LANGUAGE sql
CREATE SEQUENCE reliability_probe_seq
SELECT nextval('dead_letter_id_seq')
SELECT setval('dead_letter_id_seq', 1)
COMMENT ON TABLE msp IS 'changed'
CREATE TRIGGER reliability_probe AFTER INSERT ON msp FOR EACH ROW EXECUTE FUNCTION pg_catalog.now()
SELECT * FROM change_key_partition(1000000000)
