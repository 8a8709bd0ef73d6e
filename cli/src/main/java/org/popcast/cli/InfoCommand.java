package org.popcast.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.popcast.data.io.HdfSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Print a summary of a popcast result file (HDF5): attributes, dimensions, variables.",
                "Reads headers only, as ncdump -h does; --stats also reads every variable for its range."})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An .h5 file written by popcast (any HDF5 file works).")
    Path file;

    @Option(names = "--stats", description = "Also read every variable's data and print its min, max, mean and NaN count"
            + " (the default cohort projection, 1 GB: about 13 s and 2.6 GB of memory).")
    boolean stats;

    @Option(names = "--json", description = "Print the headers as JSON for scripts (attributes and values in full).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (json && stats) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json prints headers only: it does not take --stats");
        }
        spec.commandLine().getOut().print(json ? HdfSummary.json(file) + "\n" : HdfSummary.summarize(file, stats));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
