-- What the query API's README asks of Postgres < 15: nobody may create objects in the public schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC
