SELECT count(*) FILTER (WHERE published) AS published,
       count(*) FILTER (WHERE NOT published) AS pending
FROM dead_letter
