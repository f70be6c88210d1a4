-- change_key becomes range-partitioned by block, in partitions of change_key_partition_blocks() blocks each.
--
-- Why: every event adds 3 to 6 key rows, each an entry in change_key's primary key at the right edge of its key's
-- range, which for a file key is anywhere in the index. In one index that grows with the whole history the cost of
-- those inserts grows with it (the leaf pages touched are spread over an index larger than the buffer cache, and
-- each is written whole to the WAL on its first change after a checkpoint): at 35M key rows about twice the cost
-- at 3.5M. Partitioned, a batch inserts into the newest partition's index only, whose size is bounded by the span,
-- so the write cost no longer grows with the history.
--
-- Reads are unchanged in shape: a history page or a filtered GET /changes is a range scan of each partition's
-- primary key for one key, the partitions read in block order (an ordered Append, no sort), those before the page's
-- position (after it, newest first) pruned by the query's bound on block.
--
-- Partitions are created on demand by the writers (change_key_partitions before a batch's COPY), named
-- change_key_<n> for blocks [n * span, (n + 1) * span). Creating one attaches an empty table, which takes a SHARE
-- UPDATE EXCLUSIVE lock on change_key: readers are not blocked.
CREATE FUNCTION change_key_partition_blocks() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS 'SELECT 131072::bigint';

-- The partition holding block, created (empty, attached) if it is missing; its name and block range [first, end).
CREATE FUNCTION change_key_partition(block bigint, OUT name text, OUT first_block bigint, OUT end_block bigint)
    LANGUAGE plpgsql
AS $$
DECLARE
    span bigint := change_key_partition_blocks();
    n bigint := block / span;
BEGIN
    IF block < 0 THEN
        RAISE EXCEPTION 'block % is negative', block;
    END IF;
    name := 'change_key_' || n;
    first_block := n * span;
    end_block := (n + 1) * span;
    IF to_regclass(quote_ident(name)) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE change_key INCLUDING DEFAULTS)', name);
        EXECUTE format('ALTER TABLE change_key ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', name,
                       first_block, end_block);
    END IF;
END
$$;

-- Creates every missing partition for the block ranges [firsts[i], lasts[i]] (one range per chain of a batch).
CREATE FUNCTION change_key_partitions(firsts bigint[], lasts bigint[]) RETURNS void
    LANGUAGE sql
AS $$
    SELECT count(change_key_partition(n * change_key_partition_blocks()))
    FROM unnest(firsts, lasts) AS r(first_block, last_block),
         generate_series(r.first_block / change_key_partition_blocks(),
                         r.last_block / change_key_partition_blocks()) AS n;
$$;

ALTER TABLE change_key RENAME TO change_key_unpartitioned;
ALTER TABLE change_key_unpartitioned RENAME CONSTRAINT change_key_pkey TO change_key_unpartitioned_pkey;

CREATE TABLE change_key (
    chain       text COLLATE "C" NOT NULL,
    key         bytea            NOT NULL,
    block       bigint           NOT NULL,
    event_index bigint           NOT NULL,
    PRIMARY KEY (chain, key, block, event_index)
) PARTITION BY RANGE (block);

SELECT change_key_partitions(array_agg(first_block), array_agg(last_block))
FROM (SELECT min(block) AS first_block, max(block) AS last_block FROM change_key_unpartitioned GROUP BY chain) r;

INSERT INTO change_key SELECT chain, key, block, event_index FROM change_key_unpartitioned;

DROP TABLE change_key_unpartitioned;
