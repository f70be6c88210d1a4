-- dead letters the rebuild met again in records the live indexer had already dead-lettered
DELETE FROM <rebuild>.dead_letter d
USING <live>.source_checkpoint c
WHERE c.projection = 'live' AND d.topic = c.topic AND d.partition = c.partition
  AND c.next_offset > d.record_offset
