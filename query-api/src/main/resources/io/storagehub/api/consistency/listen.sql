-- The channel the indexer's writer notifies (payload: chain name) when a batch commits.
LISTEN storagehub_indexed
