SELECT setval(pg_get_serial_sequence(:table, 'id'),
              coalesce((SELECT max(id) FROM <rebuild>.dead_letter WHERE id > 0), 0) + 1, false)
