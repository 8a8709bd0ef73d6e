package org.popcast.models.cohort;

import java.util.Arrays;
import java.util.List;

import org.popcast.data.io.NetcdfDataset;

/**
 * A projection's leaf values summed into every region, laid out [scenario][region][inner][year]
 * (formats.md, the year innermost) and computed when read: the writer asks for one chunk at a
 * time, so the sums of a city projection never exist in memory at once (the population alone
 * would be 0.9 GB beside the result's 0.8 GB). A read computes its region's whole block
 * [inner][year] of one scenario, reading each leaf's years as one run (a result kept on disk is
 * read by runs, not value by value), and keeps it for the next read on that thread: the writer
 * reads a region's rows one after the other. Each value adds its region's leaves in the order of
 * {@link RegionTree#members} to 0, the same additions in the same order as a sum into an array, so
 * the bits do not depend on how the values are read. Regions without leaves are NaN.
 */
final class RegionSums implements NetcdfDataset.Values {

    /** Leaf l's values of scenario s for years t .. t + n - 1, into dst[k * inner + i]. */
    @FunctionalInterface
    interface LeafRows {
        void read(int l, int s, int t, int n, double[] dst);
    }

    /** A value of leaf l, scenario s, inner index i (sex, or sex x age) and year index t: values kept in memory. */
    @FunctionalInterface
    interface LeafValue {
        double at(int l, int s, int i, int t);
    }

    /** The runs of values read one value at a time. */
    static LeafRows byValue(int inner, LeafValue value) {
        return (l, s, t, n, dst) -> {
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < inner; i++) {
                    dst[k * inner + i] = value.at(l, s, i, t + k);
                }
            }
        };
    }

    /** One region's sums of one scenario, [inner][year], and the buffer its leaves are read into. */
    private static final class Block {
        int s = -1, r = -1;
        final double[] sums, leaf;

        Block(int values) {
            sums = new double[values];
            leaf = new double[values];
        }
    }

    private final List<int[]> members;
    private final int regions, inner, years;
    private final long size;
    private final LeafRows rows;
    private final ThreadLocal<Block> blocks;

    RegionSums(List<int[]> members, int scenarios, int inner, int years, LeafRows rows) {
        this.members = members;
        this.regions = members.size();
        this.inner = inner;
        this.years = years;
        this.size = (long) scenarios * regions * inner * years;
        this.rows = rows;
        this.blocks = ThreadLocal.withInitial(() -> new Block(inner * years));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long start, double[] dst, int offset, int length) {
        if (start < 0 || length < 0 || start + length > size) {
            throw new IndexOutOfBoundsException("values " + start + " .. " + (start + length) + " of " + size);
        }
        long p = start;
        int done = 0;
        while (done < length) {
            long row = p / years;
            int t = (int) (p % years), run = Math.min(years - t, length - done);
            int i = (int) (row % inner);
            long sr = row / inner;
            Block b = block((int) (sr / regions), (int) (sr % regions));
            System.arraycopy(b.sums, i * years + t, dst, offset + done, run);
            p += run;
            done += run;
        }
    }

    /** Scenario s, region r's sums on this thread, computed if it last computed another. */
    private Block block(int s, int r) {
        Block b = blocks.get();
        if (b.s == s && b.r == r) {
            return b;
        }
        b.s = -1; // half computed until the end
        int[] m = members.get(r);
        double[] sums = b.sums, leaf = b.leaf;
        Arrays.fill(sums, m.length == 0 ? Double.NaN : 0);
        for (int l : m) {
            rows.read(l, s, 0, years, leaf);
            for (int t = 0; t < years; t++) {
                for (int i = 0; i < inner; i++) {
                    sums[i * years + t] += leaf[t * inner + i];
                }
            }
        }
        b.s = s;
        b.r = r;
        return b;
    }
}
