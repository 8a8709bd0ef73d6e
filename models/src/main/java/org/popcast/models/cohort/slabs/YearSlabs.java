package org.popcast.models.cohort.slabs;

/**
 * One slab of doubles per year index of a projection, recorded once each (in any order) and then
 * read back by whole years or by runs of years of one row's band. {@link MemorySlabs} keeps the
 * arrays; {@link FileSlabs} writes them to a scratch file, so a large result does not hold the heap.
 */
public interface YearSlabs extends AutoCloseable {

    SlabShape shape();

    int years();

    /** Records year t's slab; the caller must not change the array after. */
    void put(int t, double[] slab);

    /** Year t's whole slab: the kept array itself or a fresh copy, so read only. */
    double[] year(int t);

    /** Years {@code from .. from + count - 1} of one row's band into {@code dst[at + k * width + j]}. */
    void read(int band, int row, int from, int count, double[] dst, int at);

    /** The value at {@code index} of year t's slab. */
    double value(int t, int index);

    /** Values {@code from .. from + length - 1} of year t (inside one row's band) added up in index order from 0. */
    double sum(int t, int from, int length);

    /** Frees what the slabs hold (a scratch file is deleted); later reads fail. Closing twice is harmless. */
    @Override
    void close();
}
