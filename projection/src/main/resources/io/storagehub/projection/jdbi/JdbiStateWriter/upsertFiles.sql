INSERT INTO file (chain, file_key, bucket_id, owner, location, fingerprint, size, peer_ids, status,
                  msp_confirmed, bsps_required, replicas, expires_at, reject_reason, created_block, created_index,
                  updated_block, updated_index)
SELECT u.chain, u.file_key, u.bucket_id, u.owner, u.location, u.fingerprint, u.size, CAST(u.peer_ids AS text[]),
       u.status, u.msp_confirmed, u.bsps_required, u.replicas, u.expires_at, u.reject_reason, u.created_block,
       u.created_index, u.updated_block, u.updated_index
FROM unnest(CAST(:chain AS text[]), CAST(:fileKey AS text[]), CAST(:bucketId AS text[]), CAST(:owner AS text[]),
            CAST(:location AS text[]), CAST(:fingerprint AS text[]), CAST(:size AS numeric[]),
            CAST(:peerIds AS text[]), CAST(:status AS text[]), CAST(:mspConfirmed AS boolean[]),
            CAST(:bspsRequired AS bigint[]), CAST(:replicas AS bigint[]), CAST(:expiresAt AS bigint[]),
            CAST(:rejectReason AS text[]), CAST(:createdBlock AS bigint[]), CAST(:createdIndex AS bigint[]),
            CAST(:updatedBlock AS bigint[]), CAST(:updatedIndex AS bigint[]))
     AS u(chain, file_key, bucket_id, owner, location, fingerprint, size, peer_ids, status, msp_confirmed,
          bsps_required, replicas, expires_at, reject_reason, created_block, created_index, updated_block,
          updated_index)
ON CONFLICT (chain, file_key) DO UPDATE SET
    bucket_id = EXCLUDED.bucket_id,
    owner = EXCLUDED.owner,
    location = EXCLUDED.location,
    fingerprint = EXCLUDED.fingerprint,
    size = EXCLUDED.size,
    peer_ids = EXCLUDED.peer_ids,
    status = EXCLUDED.status,
    msp_confirmed = EXCLUDED.msp_confirmed,
    bsps_required = EXCLUDED.bsps_required,
    replicas = EXCLUDED.replicas,
    expires_at = EXCLUDED.expires_at,
    reject_reason = EXCLUDED.reject_reason,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
