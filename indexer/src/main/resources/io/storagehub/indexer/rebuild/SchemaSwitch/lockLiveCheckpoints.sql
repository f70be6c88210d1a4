LOCK TABLE <live>.source_checkpoint IN ACCESS EXCLUSIVE MODE
