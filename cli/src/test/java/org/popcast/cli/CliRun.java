package org.popcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of the real command line in-process: exit code, standard output and standard error. */
public record CliRun(int exit, String out, String err) {

    public static CliRun popcast(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = PopcastCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard error without the start banner: what a failing command says about its failure. */
    public String errWithoutBanner() {
        return err.lines().filter(l -> !(l.startsWith("popcast ") && l.contains(" | Java "))).collect(java.util.stream.Collectors.joining("\n"));
    }
}
