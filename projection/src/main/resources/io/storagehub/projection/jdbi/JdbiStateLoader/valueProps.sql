SELECT v.*
FROM unnest(CAST(:mspIds AS text[]), CAST(:valuePropIds AS text[])) AS k(msp_id, value_prop_id)
JOIN value_prop v ON v.chain = :chain AND v.msp_id = k.msp_id AND v.value_prop_id = k.value_prop_id
