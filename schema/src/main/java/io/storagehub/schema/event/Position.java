package io.storagehub.schema.event;

/** Where an event sits in its chain: {@code (block number, event index)}. Strictly increasing per chain. */
public record Position(long block, long index) implements Comparable<Position> {
    public static final Position ORIGIN = new Position(-1, -1);

    @Override
    public int compareTo(Position other) {
        int byBlock = Long.compare(block, other.block);
        return byBlock != 0 ? byBlock : Long.compare(index, other.index);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return block + ":" + index;
    }
}
