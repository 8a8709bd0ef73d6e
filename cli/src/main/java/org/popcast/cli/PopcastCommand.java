package org.popcast.cli;

import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "popcast", mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = "Population forecasting: age-structured PDE, cohort-component projection, balance model, mobility.",
        subcommands = {PdeCommand.class, CohortCommand.class, BalanceCommand.class, MobilityCommand.class, InfoCommand.class, PlotCommand.class,
                BenchCommand.class, DoctorCommand.class, CompletionCommand.class, ConfigCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input file, unwritable output or failure", "2:usage error (bad option or value)"})
public final class PopcastCommand implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--overwrite", scope = ScopeType.INHERIT, description = "Replace output files that exist (without it popcast refuses).")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No banner or progress lines (results and errors still print).")
    boolean quiet;

    /** The outputs of a command, replacing existing files only with --overwrite. */
    static org.popcast.data.io.OutputFiles outputs(picocli.CommandLine.Model.CommandSpec spec) {
        return new org.popcast.data.io.OutputFiles().overwrite(spec.root().userObject() instanceof PopcastCommand p && p.overwrite)
                .stdout(spec.commandLine().getOut());
    }

    /** Progress lines on the command's standard error (what tests capture), or none with --quiet. */
    static Progress progress(picocli.CommandLine.Model.CommandSpec spec) {
        return ((PopcastCommand) spec.root().userObject()).quiet ? Progress.none() : Progress.toStandardError(spec.commandLine().getErr());
    }

    /** The command line as typed, for the provenance every result file records. */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        return "popcast " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"popcast " + Provenance.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
