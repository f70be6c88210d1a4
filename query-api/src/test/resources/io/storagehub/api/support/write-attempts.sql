CREATE TABLE api_must_not_create (id int)
DELETE FROM bucket
UPDATE file SET size = 0
TRUNCATE TABLE file
INSERT INTO chain_position DEFAULT VALUES
