package io.storagehub.projection.jdbi;

/** Valid, distinct ids for tests: hex32 and account strings derived from a number (ascending with it). */
final class Ids {

    private Ids() {
    }

    static String hex32(long n) {
        return "0x" + String.format("%064x", n);
    }

    static String account(long n) {
        return "0x" + String.format("%040x", n);
    }
}
