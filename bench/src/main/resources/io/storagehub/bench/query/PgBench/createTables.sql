-- the random parameters pgbench picks from (by a random i), in a schema of their own
CREATE SCHEMA IF NOT EXISTS bench_ids;
DROP TABLE IF EXISTS bench_ids.params;
CREATE TABLE bench_ids.params (
    scenario       text    NOT NULL,
    i              integer NOT NULL,
    file_key       text COLLATE "C",
    bucket_id      text COLLATE "C",
    lower_location text COLLATE "C",
    lower_file_key text COLLATE "C",
    upper_bound    text COLLATE "C",
    prefix         text COLLATE "C",
    PRIMARY KEY (scenario, i)
)
