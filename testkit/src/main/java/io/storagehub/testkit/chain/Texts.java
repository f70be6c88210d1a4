package io.storagehub.testkit.chain;

import io.storagehub.schema.value.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Human-looking strings: file paths (some non-ASCII), bucket names, peer ids, multiaddresses, reasons. */
final class Texts {
    private static final List<String> FOLDERS = List.of("photos", "docs", "backups", "2024", "2025", "projects",
            "données", "фото", "写真", "música", "reports", "src", "logs", "año-2023", "invoices", "shared");
    private static final List<String> STEMS = List.of("report", "image", "notes", "résumé", "данные", "archive",
            "clip", "draft", "scan", "写真", "budget", "readme");
    private static final List<String> EXTENSIONS = List.of(".txt", ".jpg", ".pdf", ".tar.gz", ".json", ".mp4",
            ".csv", ".png", "");
    private static final List<String> BUCKET_WORDS = List.of("media", "backup", "archive", "site", "dataset",
            "données", "アーカイブ", "personal", "team");
    private static final List<String> REJECT_REASONS = List.of("ReachedMaximumCapacity", "ReceivedInvalidProof",
            "InternalError", "RequestExpired", "MspRejected", "InsufficientBspVolunteers");
    private static final char[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

    private final Rng rng;

    Texts(Rng rng) {
        this.rng = rng;
    }

    /** A unique path in its bucket: 0..3 folders, then a file name carrying the bucket's file number. */
    Location location(int fileNumber) {
        StringBuilder path = new StringBuilder();
        int depth = rng.nextInt(4);
        for (int i = 0; i < depth; i++) {
            path.append(rng.pick(FOLDERS)).append('/');
        }
        path.append(rng.pick(STEMS)).append('-').append(fileNumber).append(rng.pick(EXTENSIONS));
        return new Location(path.toString());
    }

    /** 0..100 UTF-8 bytes; occasionally empty. */
    String bucketName(long bucketNumber) {
        if (rng.chance(0.02)) {
            return "";
        }
        String name = rng.pick(BUCKET_WORDS) + "-" + bucketNumber;
        return name.getBytes(StandardCharsets.UTF_8).length <= 100 ? name : "bucket-" + bucketNumber;
    }

    String peerId() {
        StringBuilder id = new StringBuilder("12D3KooW");
        for (int i = 0; i < 44; i++) {
            id.append(BASE58[rng.nextInt(BASE58.length)]);
        }
        return id.toString();
    }

    String multiaddress(String peerId) {
        if (rng.chance(0.3)) {
            return "/dns4/sp-" + rng.nextInt(100_000) + ".example.net/tcp/443/wss/p2p/" + peerId;
        }
        return "/ip4/10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254))
                + "/tcp/" + (30_000 + rng.nextInt(1000)) + "/p2p/" + peerId;
    }

    String rejectReason() {
        return rng.pick(REJECT_REASONS);
    }

    /** Terms as opaque bytes: the hex of a short ASCII text. */
    String commitmentHex() {
        String text = "terms:v" + (1 + rng.nextInt(9)) + ":sla=" + (90 + rng.nextInt(10));
        return Ids.hex(text.getBytes(StandardCharsets.US_ASCII));
    }
}
