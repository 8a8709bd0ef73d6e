package org.popcast.models.cohort.slabs;

/**
 * How a year's slab is laid out: {@code rows} x {@code bands} x {@code width} doubles, row-major.
 * For a projection's population [L][S][2][A] the rows are the leaves, the bands the scenarios and
 * a band of a row the 2 x A cells of one leaf and scenario: readers want one scenario at a time.
 */
public record SlabShape(int rows, int bands, int width) {

    public SlabShape {
        if (rows < 0 || bands < 1 || width < 1) {
            throw new IllegalArgumentException("a slab shape needs rows >= 0, bands and width >= 1, got " + rows + " x " + bands + " x " + width);
        }
    }

    /** Doubles in a slab. */
    public int size() {
        return Math.multiplyExact(Math.multiplyExact(rows, bands), width);
    }

    /** Doubles in one band of every row. */
    public int bandSize() {
        return rows * width;
    }

    /** Where the band of a row starts in the slab. */
    public int offset(int row, int band) {
        return (row * bands + band) * width;
    }
}
