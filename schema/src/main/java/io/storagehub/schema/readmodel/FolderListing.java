package io.storagehub.schema.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * The direct children of one folder of a bucket: every sub-folder (ordered by name, at most
 * {@link PageRequest#MAX_LIMIT}) and one page of the files directly in it (ordered by location, then file key).
 */
public record FolderListing(String path, List<FolderView> folders, List<FileView> files, Optional<SortKey> nextKey) {
    public FolderListing {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
    }
}
