SELECT count(*) FROM file
