-- every server setting not at its built-in default (client and session settings left out), as the server shows it
SELECT name, current_setting(name) AS setting, NULL AS unit
FROM pg_settings
WHERE source NOT IN ('default', 'override', 'client', 'session')
  AND name NOT IN ('port', 'unix_socket_directories', 'listen_addresses')
ORDER BY name
