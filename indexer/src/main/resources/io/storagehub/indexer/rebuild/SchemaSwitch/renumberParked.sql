-- the rebuild's own dead letters get ids after every id the live outbox used, in their original order
WITH parked AS (
    SELECT id AS parked_id, nextval(pg_get_serial_sequence(:table, 'id')) AS new_id
    FROM (SELECT id FROM <rebuild>.dead_letter WHERE 0 > id ORDER BY id DESC) ordered
)
UPDATE <rebuild>.dead_letter d SET id = parked.new_id FROM parked WHERE d.id = parked.parked_id
