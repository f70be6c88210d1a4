SELECT format('COPY %I TO STDOUT (FORMAT binary)', ?::text)
