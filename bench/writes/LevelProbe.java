// Per-core speed and ratio of ChunkEncoder on real population chunks, by deflate level:
//   javac -cp cli/target/popcast.jar -d /tmp/wb bench/writes/*.java
//   java -cp /tmp/wb:cli/target/popcast.jar org.popcast.data.io.LevelProbe COHORT_RESULT.h5
package org.popcast.data.io;

import java.nio.file.Path;

import io.jhdf.HdfFile;

public class LevelProbe {
    public static void main(String[] a) throws Exception {
        long[] shape = {1, 70, 2, 101, 91}; // scenario 7, regions 150-219
        double[] data;
        try (HdfFile f = new HdfFile(Path.of(a[0]))) {
            double[][][][][] slice = (double[][][][][]) f.getDatasetByPath("population").getData(new long[] {7, 150, 0, 0, 0}, new int[] {1, 70, 2, 101, 91});
            data = java.util.Arrays.stream(slice[0]).flatMap(java.util.Arrays::stream).flatMap(java.util.Arrays::stream)
                    .flatMapToDouble(java.util.Arrays::stream).toArray();
        }
        long[] chunk = NetcdfWriter.chunkShape(new long[] {15, 388, 2, 101, 91}, 8);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 3; rep++) {
            for (int level : new int[] {1, 4, 6}) {
                ChunkEncoder e = new ChunkEncoder(level);
                long t0 = mx.getCurrentThreadCpuTime(), out = 0;
                for (int r = 0; r < 70; r += (int) chunk[1]) {
                    out += e.encode(data, shape, chunk, new long[] {0, r, 0, 0, 0}).length();
                }
                double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                System.out.printf("level %d: ratio %.3f, %.0f MB/s of values per core (thread CPU time)%n", level, out / (data.length * 8.0), data.length * 8 / 1e6 / s);
                e.close();
            }
        }
    }
}
