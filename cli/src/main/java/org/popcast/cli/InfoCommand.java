package org.popcast.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.popcast.data.io.HdfSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = "Print a summary of a popcast result file (HDF5): attributes, dimensions, variables.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An .h5 file written by popcast (any HDF5 file works).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(HdfSummary.summarize(file));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
