-- the change_key partitions for the blocks [firsts[i], lasts[i]] of each chain's changes in the batch, created
-- where missing (V0009)
SELECT change_key_partitions(CAST(:firsts AS bigint[]), CAST(:lasts AS bigint[]))::text
