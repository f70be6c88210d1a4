-- the relay may be marking rows published: it either did before this, or does it after the switch on the copy
LOCK TABLE <live>.dead_letter IN EXCLUSIVE MODE
