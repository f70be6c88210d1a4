package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loader passing every read to {@link #target()}, for tests that watch or interleave reads. */
abstract class ForwardingLoader implements StateLoader {

    /** The loader answering the read about to be made. */
    protected abstract StateLoader target();

    @Override
    public Optional<Position> lockChain(String chain) {
        return target().lockChain(chain);
    }

    @Override
    public Map<Position, Long> digests(String chain, Collection<Position> positions) {
        return target().digests(chain, positions);
    }

    @Override
    public Map<String, MspRow> msps(String chain, Collection<String> ids) {
        return target().msps(chain, ids);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> ids) {
        return target().bsps(chain, ids);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        return target().valueProps(chain, keys);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> ids) {
        return target().buckets(chain, ids);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> keys) {
        return target().files(chain, keys);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        return target().streams(chain, keys);
    }

    @Override
    public List<FileBspRow> associationsOfFiles(String chain, Collection<String> keys) {
        return target().associationsOfFiles(chain, keys);
    }

    @Override
    public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
        return target().associationsOfBsp(chain, bspId);
    }
}
