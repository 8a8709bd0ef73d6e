package org.popcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which masters are checked, and how: a listening port passes, a closed one fails in one line at once. */
class SparkMastersTest {

    @Test
    void onlySparkUrlsHaveAddresses() {
        assertEquals(List.of(InetSocketAddress.createUnresolved("a", 1), InetSocketAddress.createUnresolved("b", 7077)),
                SparkMasters.addresses("spark://a:1,b"));
        assertEquals(List.of(), SparkMasters.addresses("local[2]"));
        assertEquals(List.of(), SparkMasters.addresses("yarn"));
        assertEquals(List.of(), SparkMasters.addresses(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkMasters.addresses("spark://h:x"));
        assertTrue(e.getMessage().contains("'x' is not a port number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkMasters.addresses("spark://h:70000"));
    }

    @Test
    void aListeningMasterPassesAClosedPortFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
            SparkMasters.checkReachable("spark://127.0.0.1:" + port);
            // one of several (high availability) is enough
            SparkMasters.checkReachable("spark://127.0.0.1:1,127.0.0.1:" + port);
        }
        int closed = port;
        long started = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkMasters.checkReachable("spark://127.0.0.1:" + closed));
        assertTrue((System.nanoTime() - started) / 1e9 < SparkMasters.TIMEOUT_MS / 1000.0 + 1);
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:" + closed + " (127.0.0.1:" + closed + ": "),
                e.getMessage());
        SparkMasters.checkReachable("local[2]");
    }
}
