package org.popcast.cli;

/** Entry point of the executable jar: the only place that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // JavaCPP warns on stderr that hdf5's presets (1.5.10) and JavaCPP (1.5.11, needed by
        // TensorFlow) differ; they work together (stack.md). Route its log to SLF4J, which is silent.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        // charts are drawn to files, also on machines without a display (docker, CI)
        System.setProperty("java.awt.headless", "true");
        System.exit(PopcastCli.commandLine().execute(args));
    }
}
