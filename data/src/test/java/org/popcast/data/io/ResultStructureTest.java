package org.popcast.data.io;

import static org.bytedeco.hdf5.global.hdf5.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;

/**
 * Hostile HDF5 files made with the native library (as an attacker would) are refused in one line by
 * both readers of results (NetcdfReader for plot/predict, HdfSummary for info) before any data are read.
 */
class ResultStructureTest {

    @TempDir
    Path dir;

    /** A file made by {@code build}, given the open file's id. */
    private Path hdf5(String name, LongConsumer build) {
        Path p = dir.resolve(name);
        long file = H5Fcreate(p.toString(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
        assertTrue(file >= 0, "H5Fcreate");
        try {
            build.accept(file);
        } finally {
            H5Fclose(file);
        }
        return p;
    }

    private void refusedByBoth(Path file, String why) {
        for (Reader r : List.<Reader>of(NetcdfReader::read, HdfSummary::summarize)) {
            InputException e = assertThrows(InputException.class, () -> r.read(file));
            assertTrue(e.getMessage().startsWith(file + ": not a popcast result: "), e.getMessage());
            assertTrue(e.getMessage().contains(why), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    private interface Reader {
        Object read(Path p) throws IOException;
    }

    @Test
    void aHardLinkCycleIsRefused() {
        Path f = hdf5("cycle.h5", file -> {
            long g = H5Gcreate2(file, "a", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            H5Lcreate_hard(file, "/", g, "back", H5P_DEFAULT, H5P_DEFAULT);
            H5Gclose(g);
        });
        refusedByBoth(f, "form a cycle");
    }

    @Test
    void twoThousandNestedGroupsAreRefused() {
        Path f = hdf5("deep.h5", file -> {
            long parent = file;
            for (int i = 0; i < 2000; i++) {
                long g = H5Gcreate2(parent, "g", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
                if (parent != file) {
                    H5Gclose(parent);
                }
                parent = g;
            }
            H5Gclose(parent);
        });
        refusedByBoth(f, "nested deeper than " + ResultStructure.MAX_GROUP_DEPTH);
    }

    @Test
    void linksAreNotFollowed() {
        Path soft = hdf5("soft.h5", file -> H5Lcreate_soft("/nowhere", file, "s", H5P_DEFAULT, H5P_DEFAULT));
        refusedByBoth(soft, "/s is a link");
        Path external = hdf5("external.h5", file -> H5Lcreate_external("/etc/passwd", "/x", file, "e", H5P_DEFAULT, H5P_DEFAULT));
        refusedByBoth(external, "/e is a link");
    }

    @Test
    void aVariableClaimingMoreThanTheHeapIsRefusedBeforeReading() {
        Path f = hdf5("huge.h5", file -> {
            long[] dims = {1L << 20, 1L << 20};
            long space = H5Screate_simple(2, dims, null);
            long dcpl = H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g());
            H5Pset_chunk(dcpl, 2, new long[] {64, 64});
            long d = H5Dcreate2(file, "population", H5T_IEEE_F64LE_g(), space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
            H5Dclose(d);
            H5Pclose(dcpl);
            H5Sclose(space);
        });
        refusedByBoth(f, "/population claims more than " + ResultStructure.MAX_ELEMENTS + " elements");
        Path large = hdf5("large.h5", file -> {
            long[] dims = {1L << 15, 1L << 15};
            long space = H5Screate_simple(2, dims, null);
            long dcpl = H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g());
            H5Pset_chunk(dcpl, 2, new long[] {64, 64});
            long d = H5Dcreate2(file, "population", H5T_IEEE_F64LE_g(), space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
            H5Dclose(d);
            H5Pclose(dcpl);
            H5Sclose(space);
        });
        // 2^30 float64 = 8 GB: more than half of any heap the tests run with
        assertTrue(Runtime.getRuntime().maxMemory() < 16L << 30, "this test assumes a heap under 16 GB");
        refusedByBoth(large, "/population claims 1073741824 elements (8192 MB), more than half the Java heap");
    }

    @Test
    void aTruncatedResultIsRefused() throws IOException {
        Path whole = dir.resolve("whole.h5");
        double[] values = new double[20_000];
        Arrays.setAll(values, i -> i);
        NetcdfWriter.write(whole, NetcdfDataset.builder().attribute("product", "test")
                .dimension("x", values, "1", "x").variable("y", List.of("x"), values, "1", "y").build());
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {10, 47, 100, 2000, bytes.length / 2, bytes.length - 100}) {
            Path cut = Files.write(dir.resolve("cut-" + keep + ".h5"), Arrays.copyOf(bytes, keep));
            refusedByBoth(cut, "");
        }
    }

    @Test
    void textWithoutADimensionIsNotAVariable() {
        Path f = hdf5("text.h5", file -> {
            long type = H5Tcopy(H5T_C_S1_g());
            H5Tset_size(type, 8);
            long space = H5Screate_simple(1, new long[] {3}, null);
            long d = H5Dcreate2(file, "population", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, new org.bytedeco.javacpp.BytePointer("aaaaaaaabbbbbbbbcccccccc"));
            H5Dclose(d);
            H5Sclose(space);
            H5Tclose(type);
        });
        InputException e = assertThrows(InputException.class, () -> NetcdfReader.read(f));
        // text variables (region names) are read since format 1.1, but only over a dimension
        assertEquals(f + ": not a popcast result: variable population: unknown dimension ? (declared: [])", e.getMessage());
    }
}
