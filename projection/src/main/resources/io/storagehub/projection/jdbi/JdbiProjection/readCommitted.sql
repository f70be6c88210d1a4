-- The batch's transaction reads committed data whatever the server's default: a writer blocked on a chain's lock
-- then reads the state its predecessor committed. Set here, as the transaction's first statement, rather than on
-- the JDBC connection: JDBI restores a connection-level isolation in a finally block, and on a connection the
-- server has just terminated that restore fails and replaces the original error (whose SQLState says the failure
-- is transient) with one that looks fatal.
SET TRANSACTION ISOLATION LEVEL READ COMMITTED
