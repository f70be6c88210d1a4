UPDATE <rebuild>.dead_letter SET id = -id
