UPDATE dead_letter SET published = true WHERE id = ANY(:ids) AND NOT published
