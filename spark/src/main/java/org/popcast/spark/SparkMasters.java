package org.popcast.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spark master a run will use, and whether a standalone one ({@code spark://host:port}, or
 * several for high availability) answers. Without this check Spark's client retries an
 * unreachable master for about a minute before it gives up, and then the job may wait for
 * resources forever; a TCP connection tried first (3 s per address) makes it one line within
 * seconds, before any projection runs. Names no Spark type, like {@link SparkTrajectoryEngine}.
 */
final class SparkMasters {

    static final int TIMEOUT_MS = 3000;
    static final int DEFAULT_PORT = 7077;

    private SparkMasters() {
    }

    /** --master if given, else spark-submit's (the system property {@code spark.master}), else null (local[*]). */
    static String effective(String given) {
        return given != null ? given : System.getProperty("spark.master");
    }

    /** The host:port pairs of a spark:// URL (none for other masters: local, yarn, k8s). */
    static List<InetSocketAddress> addresses(String master) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (master == null || !master.startsWith("spark://")) {
            return out;
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            String hp = hostPort.strip();
            int colon = hp.lastIndexOf(':');
            String host = colon < 0 ? hp : hp.substring(0, colon);
            int port = DEFAULT_PORT;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(hp.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--master " + master + ": '" + hp.substring(colon + 1) + "' is not a port number");
                }
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("--master " + master + ": expected spark://host:port[,host:port...]");
            }
            out.add(InetSocketAddress.createUnresolved(host, port));
        }
        return out;
    }

    /** Throws in one line unless one of a spark:// master's addresses accepts a connection. */
    static void checkReachable(String master) {
        List<InetSocketAddress> addresses = addresses(master);
        if (addresses.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), TIMEOUT_MS);
                return;
            } catch (IOException e) {
                why.add(a.getHostString() + ":" + a.getPort() + ": " + (e instanceof java.net.UnknownHostException ? "unknown host"
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new IllegalStateException("cannot reach the Spark master " + master + " (" + String.join("; ", why)
                + "); is it running? (docs/spark.md)");
    }
}
