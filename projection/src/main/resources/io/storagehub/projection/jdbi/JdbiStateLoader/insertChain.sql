-- a chain's position row, created on first use so that it can be locked
INSERT INTO chain_position (chain) VALUES (:chain)
ON CONFLICT (chain) DO NOTHING
