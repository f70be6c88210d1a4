SELECT to_regclass('source_checkpoint')::oid::bigint
