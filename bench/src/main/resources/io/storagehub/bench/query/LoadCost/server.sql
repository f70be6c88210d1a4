-- statements executed and their server time so far (pg_stat_statements, top level), and transactions committed
SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements) AS calls,
       (SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements) AS exec_ms,
       (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS xacts
