package org.popcast.data.io;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;
import io.jhdf.filter.FilterManager;

/**
 * Opens HDF5 files with the pure-Java reader (jHDF), with Fletcher-32 checksums verified: jHDF's
 * own filter skips the check, so a flipped bit in popcast's data would read as a wrong number.
 * Every popcast reader of HDF5 files opens them here.
 */
public final class Hdf5Files {

    static {
        FilterManager.addFilter(new VerifiedFletcher32());
    }

    private Hdf5Files() {
    }

    public static HdfFile open(Path file) {
        return new HdfFile(file);
    }

    /**
     * HDF5's Fletcher-32 (H5Zfletcher32.c): 16-bit big-endian words summed modulo 65535, the
     * checksum stored little-endian after the chunk. Chunks written by HDF5 before 1.6.3 store it
     * with the bytes of each half swapped; those are accepted too, as HDF5 does.
     */
    static final class VerifiedFletcher32 implements Filter {

        @Override
        public int getId() {
            return 3;
        }

        @Override
        public String getName() {
            return "fletcher32";
        }

        @Override
        public byte[] decode(byte[] data, int[] filterData) {
            if (data.length < 4) {
                throw new HdfFilterException("a Fletcher-32 chunk is shorter than its checksum");
            }
            int n = data.length - 4;
            int stored = (data[n] & 0xff) | (data[n + 1] & 0xff) << 8 | (data[n + 2] & 0xff) << 16 | (data[n + 3] & 0xff) << 24;
            int reversed = (data[n + 1] & 0xff) | (data[n] & 0xff) << 8 | (data[n + 3] & 0xff) << 16 | (data[n + 2] & 0xff) << 24;
            int sum = checksum(data, n);
            if (sum != stored && sum != reversed) {
                throw new HdfFilterException("checksum mismatch: the data are damaged (Fletcher-32 stored "
                        + Integer.toHexString(stored) + ", computed " + Integer.toHexString(sum) + ")");
            }
            return java.util.Arrays.copyOf(data, n);
        }

        /** H5_checksum_fletcher32 over the first {@code length} bytes. */
        static int checksum(byte[] data, int length) {
            long sum1 = 0, sum2 = 0;
            int words = length / 2, i = 0;
            while (words > 0) {
                int block = Math.min(words, 360);
                words -= block;
                for (int k = 0; k < block; k++, i += 2) {
                    sum1 += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
                    sum2 += sum1;
                }
                sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
                sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
            }
            if (length % 2 == 1) {
                sum1 += (data[i] & 0xff) << 8;
                sum2 += sum1;
                sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
                sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
            }
            sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
            return (int) ((sum2 << 16) | sum1);
        }
    }
}
