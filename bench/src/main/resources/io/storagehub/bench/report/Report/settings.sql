-- the server's version and every setting not at its built-in default
SELECT name, setting, unit
FROM pg_settings
WHERE source NOT IN ('default', 'override') AND name NOT IN ('port', 'unix_socket_directories', 'listen_addresses')
ORDER BY name
