// Times NetcdfWriter on a real result, both ways chunks reach the file (issue 17 part 2, docs/performance.md):
//   javac -cp cli/target/popcast.jar -d /tmp/wb bench/writes/*.java
//   java -cp /tmp/wb:cli/target/popcast.jar org.popcast.data.io.WriteBench RESULT.h5 /tmp/out.h5
// (package org.popcast.data.io for the package-private NetcdfWriter.Chunks; javac, not the
// single-file launcher, so that the class shares the jar's class loader.)
package org.popcast.data.io;

import java.nio.file.Files;
import java.nio.file.Path;

public class WriteBench {
    public static void main(String[] a) throws Exception {
        NetcdfDataset ds = NetcdfReader.read(Path.of(a[0]));
        long values = ds.variables().stream().mapToLong(NetcdfDataset.Variable::size).sum();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < 2; rep++) {
            for (NetcdfWriter.Chunks c : NetcdfWriter.Chunks.values()) {
                Path out = Path.of(a[1]);
                Files.deleteIfExists(out);
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                long w0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                NetcdfWriter.write(out, ds, NetcdfWriter.SLAB_ELEMENTS, c);
                double wall = (System.nanoTime() - w0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
                System.out.printf("%-13s wall %5.1f s, CPU %5.1f s, %d bytes, %.0f MB/s of values; load %s%n",
                        c, wall, cpu, Files.size(out), values * 8 / 1e6 / wall, load);
            }
        }
    }
}
