package io.storagehub.api.buckets;

import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderView;
import java.util.List;

/** A page of a folder: its sub-folders (first page only) and files, and the cursor of the next page of files. */
public record TreeBody(String path, List<FolderView> folders, List<FileView> files, String nextCursor) {
    public TreeBody {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
    }
}
