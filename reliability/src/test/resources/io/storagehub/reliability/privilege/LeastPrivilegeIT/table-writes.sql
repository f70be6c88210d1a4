INSERT INTO msp SELECT * FROM msp LIMIT 1
UPDATE msp SET chain = chain
DELETE FROM msp
TRUNCATE msp
LOCK TABLE msp IN EXCLUSIVE MODE
COPY msp FROM STDIN
INSERT INTO value_prop SELECT * FROM value_prop LIMIT 1
UPDATE value_prop SET chain = chain
DELETE FROM value_prop
TRUNCATE value_prop
LOCK TABLE value_prop IN EXCLUSIVE MODE
COPY value_prop FROM STDIN
INSERT INTO bsp SELECT * FROM bsp LIMIT 1
UPDATE bsp SET chain = chain
DELETE FROM bsp
TRUNCATE bsp
LOCK TABLE bsp IN EXCLUSIVE MODE
COPY bsp FROM STDIN
INSERT INTO bucket SELECT * FROM bucket LIMIT 1
UPDATE bucket SET chain = chain
DELETE FROM bucket
TRUNCATE bucket
LOCK TABLE bucket IN EXCLUSIVE MODE
COPY bucket FROM STDIN
INSERT INTO file SELECT * FROM file LIMIT 1
UPDATE file SET chain = chain
DELETE FROM file
TRUNCATE file
LOCK TABLE file IN EXCLUSIVE MODE
COPY file FROM STDIN
INSERT INTO file_bsp SELECT * FROM file_bsp LIMIT 1
UPDATE file_bsp SET chain = chain
DELETE FROM file_bsp
TRUNCATE file_bsp
LOCK TABLE file_bsp IN EXCLUSIVE MODE
COPY file_bsp FROM STDIN
INSERT INTO payment_stream SELECT * FROM payment_stream LIMIT 1
UPDATE payment_stream SET chain = chain
DELETE FROM payment_stream
TRUNCATE payment_stream
LOCK TABLE payment_stream IN EXCLUSIVE MODE
COPY payment_stream FROM STDIN
INSERT INTO chain_position SELECT * FROM chain_position LIMIT 1
UPDATE chain_position SET chain = chain
DELETE FROM chain_position
TRUNCATE chain_position
LOCK TABLE chain_position IN EXCLUSIVE MODE
COPY chain_position FROM STDIN
INSERT INTO event_digest SELECT * FROM event_digest LIMIT 1
UPDATE event_digest SET chain = chain
DELETE FROM event_digest
TRUNCATE event_digest
LOCK TABLE event_digest IN EXCLUSIVE MODE
COPY event_digest FROM STDIN
INSERT INTO change SELECT * FROM change LIMIT 1
UPDATE change SET chain = chain
DELETE FROM change
TRUNCATE change
LOCK TABLE change IN EXCLUSIVE MODE
COPY change FROM STDIN
INSERT INTO change_key SELECT * FROM change_key LIMIT 1
UPDATE change_key SET chain = chain
DELETE FROM change_key
TRUNCATE change_key
LOCK TABLE change_key IN EXCLUSIVE MODE
COPY change_key FROM STDIN
INSERT INTO change_key_0 SELECT * FROM change_key_0 LIMIT 1
UPDATE change_key_0 SET chain = chain
DELETE FROM change_key_0
TRUNCATE change_key_0
LOCK TABLE change_key_0 IN EXCLUSIVE MODE
COPY change_key_0 FROM STDIN
INSERT INTO source_checkpoint SELECT * FROM source_checkpoint LIMIT 1
UPDATE source_checkpoint SET projection = projection
DELETE FROM source_checkpoint
TRUNCATE source_checkpoint
LOCK TABLE source_checkpoint IN EXCLUSIVE MODE
COPY source_checkpoint FROM STDIN
INSERT INTO dead_letter SELECT * FROM dead_letter LIMIT 1
UPDATE dead_letter SET id = id
DELETE FROM dead_letter
TRUNCATE dead_letter
LOCK TABLE dead_letter IN EXCLUSIVE MODE
COPY dead_letter FROM STDIN
INSERT INTO flyway_schema_history SELECT * FROM flyway_schema_history LIMIT 1
UPDATE flyway_schema_history SET installed_rank = installed_rank
DELETE FROM flyway_schema_history
TRUNCATE flyway_schema_history
LOCK TABLE flyway_schema_history IN EXCLUSIVE MODE
COPY flyway_schema_history FROM STDIN
