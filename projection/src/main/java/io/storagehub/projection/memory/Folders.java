package io.storagehub.projection.memory;

import io.storagehub.projection.state.FileRow;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.Utf8Order;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Splits the files under a folder into its direct files and its sub-folders. */
final class Folders {

    private Folders() {
    }

    static FolderListing list(List<FileRow> underPath, String path, Function<FileRow, FileView> toView,
                              PageRequest page) {
        List<FileRow> direct = new ArrayList<>();
        Map<String, long[]> counts = new TreeMap<>(Utf8Order::compare);
        Map<String, BigInteger> sizes = new TreeMap<>(Utf8Order::compare);
        for (FileRow f : underPath) {
            String rest = f.location.substring(path.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                direct.add(f);
            } else {
                String name = rest.substring(0, slash);
                counts.computeIfAbsent(name, n -> new long[1])[0]++;
                sizes.merge(name, f.size, BigInteger::add);
            }
        }
        List<FolderView> folders = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (folders.size() == PageRequest.MAX_LIMIT) {
                break;
            }
            folders.add(new FolderView(e.getKey(), path + e.getKey() + "/", e.getValue()[0], sizes.get(e.getKey())));
        }
        Page<FileView> files = Pages.page(direct.stream(), r -> SortKey.of(r.location, r.fileKey), toView, page);
        return new FolderListing(path, folders, files.items(), files.nextKey());
    }
}
