-- The time of the block of each chain's last applied position (block.timestamp on the wire), written with it, so
-- that an operator can tell how far behind the chain the read model is in seconds. Null until the chain's next
-- event is applied (and for chains indexed before this migration until then).
ALTER TABLE chain_position ADD COLUMN last_block_time timestamptz;
