package org.popcast.models.cohort.slabs;

/** The slabs kept as the arrays recorded (no copy): small results, and every test's. */
public final class MemorySlabs implements YearSlabs {

    private final SlabShape shape;
    private final double[][] slabs;

    public MemorySlabs(SlabShape shape, int years) {
        this.shape = shape;
        this.slabs = new double[years][];
    }

    @Override
    public SlabShape shape() {
        return shape;
    }

    @Override
    public int years() {
        return slabs.length;
    }

    @Override
    public void put(int t, double[] slab) {
        if (slab.length != shape.size()) {
            throw new IllegalArgumentException("a slab of " + slab.length + " values, expected " + shape.size());
        }
        slabs[t] = slab;
    }

    @Override
    public double[] year(int t) {
        return slabs[t];
    }

    @Override
    public void read(int band, int row, int from, int count, double[] dst, int at) {
        int offset = shape.offset(row, band), width = shape.width();
        for (int k = 0; k < count; k++) {
            System.arraycopy(slabs[from + k], offset, dst, at + k * width, width);
        }
    }

    @Override
    public double value(int t, int index) {
        return slabs[t][index];
    }

    @Override
    public double sum(int t, int from, int length) {
        double[] slab = slabs[t];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += slab[from + i];
        }
        return sum;
    }

    @Override
    public void close() {
        // the arrays go with the result
    }
}
