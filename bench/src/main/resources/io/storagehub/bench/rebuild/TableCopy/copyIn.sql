SELECT format('COPY %I FROM STDIN (FORMAT binary)', ?::text)
