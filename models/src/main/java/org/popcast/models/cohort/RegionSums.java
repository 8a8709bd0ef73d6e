package org.popcast.models.cohort;

import java.util.List;

import org.popcast.data.io.NetcdfDataset;

/**
 * A projection's leaf values summed into every region, laid out [scenario][region][inner][year]
 * (formats.md, the year innermost) and computed when read: the writer asks for one chunk at a
 * time, so the sums of a city projection never exist in memory at once (the population alone
 * would be 0.9 GB beside the result's 0.8 GB). Each value sums its region's leaves in the order
 * of {@link RegionTree#members}, the same additions in the same order as a sum into an array, so
 * the bits do not depend on how the values are read. Regions without leaves are NaN.
 */
final class RegionSums implements NetcdfDataset.Values {

    /** A value of leaf l, scenario s, inner index i (sex, or sex x age) and year index t. */
    @FunctionalInterface
    interface LeafValue {
        double at(int l, int s, int i, int t);
    }

    private final List<int[]> members;
    private final int regions, inner, years;
    private final long size;
    private final LeafValue value;

    RegionSums(List<int[]> members, int scenarios, int inner, int years, LeafValue value) {
        this.members = members;
        this.regions = members.size();
        this.inner = inner;
        this.years = years;
        this.size = (long) scenarios * regions * inner * years;
        this.value = value;
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
            fillRun((int) (sr / regions), (int) (sr % regions), i, t, dst, offset + done, run);
            p += run;
            done += run;
        }
    }

    /** Years t .. t + run - 1 of one scenario, region and inner index. */
    private void fillRun(int s, int r, int i, int t, double[] dst, int at, int run) {
        int[] m = members.get(r);
        for (int k = 0; k < run; k++) {
            double sum = m.length == 0 ? Double.NaN : 0;
            for (int l : m) {
                sum += value.at(l, s, i, t + k);
            }
            dst[at + k] = sum;
        }
    }
}
