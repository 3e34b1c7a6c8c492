package dev.trackingapi.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Line numbers as inclusive ranges, merged as they are added: an import's acknowledged lines stay a few ranges. */
final class RangeSet {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    boolean contains(long value) {
        Map.Entry<Long, Long> floor = ranges.floorEntry(value);
        return floor != null && floor.getValue() >= value;
    }

    void add(long value) {
        if (contains(value)) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(value);
        Long afterEnd = ranges.remove(value + 1);
        long from = value;
        long to = afterEnd != null ? afterEnd : value;
        if (before != null && before.getValue() == value - 1) {
            from = before.getKey();
        }
        ranges.put(from, to);
    }

    long size() {
        long size = 0;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            size += range.getValue() - range.getKey() + 1;
        }
        return size;
    }

    /** [[from, to], ...] in order. */
    List<long[]> ranges() {
        List<long[]> list = new ArrayList<>(ranges.size());
        ranges.forEach((from, to) -> list.add(new long[]{from, to}));
        return list;
    }

    /** The set of disjoint ranges as {@link #ranges} lists them. */
    static RangeSet of(List<long[]> ranges) {
        RangeSet set = new RangeSet();
        for (long[] range : ranges) {
            if (range.length != 2 || range[0] > range[1] || set.contains(range[0]) || set.contains(range[1])) {
                throw new IllegalArgumentException("not a list of disjoint ranges");
            }
            set.ranges.put(range[0], range[1]);
        }
        return set;
    }
}
