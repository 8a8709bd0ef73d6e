package org.popcast.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.AgeGroupCsv;
import org.popcast.models.balance.BalanceSeries;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.models.balance.AgeGroupFit;
import org.popcast.models.balance.BalanceFit;
import org.popcast.models.balance.BalanceOutputs;
import org.popcast.models.balance.FittedBalance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "groups",
        header = "Level II: the population below, at and above working age, with ageing between the groups.",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Level II: the population below, at and above working age, with ageing between the groups, each",
                "group's share of migration and relative death rate fitted to groups.csv (year,young,working,old);",
                "the groups add up to the Level I population."})
public final class BalanceGroupsCommand implements Callable<Integer> {

    @Mixin
    BalanceOptions options;

    @Option(names = "--groups", paramLabel = "FILE", required = true, description = "groups.csv: year,young,working,old (1 January).")
    Path groups;

    @Option(names = "--young-width", paramLabel = "YEARS", defaultValue = "16",
            description = "Width of the young group: working age starts at this age (default ${DEFAULT-VALUE}).")
    double youngWidth;

    @Option(names = "--working-width", paramLabel = "YEARS", defaultValue = "44",
            description = "Width of the working-age group (default ${DEFAULT-VALUE}: ages 16-59).")
    double workingWidth;

    @Option(names = "--until", paramLabel = "YEAR", description = "Last year (default: 10 years after the data).")
    Integer until;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "balance-groups.h5",
            description = "Output HDF5 file (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(youngWidth > 0) || !(workingWidth > 0)) {
            throw new ParameterException(spec.commandLine(), "--young-width and --working-width must be > 0 years");
        }
        var settings = options.settings(spec);
        try (var outputs = options.outputs(config.outputs().input("--groups", groups), out)) {
            return fit(settings, outputs);
        }
    }

    private int fit(org.popcast.models.balance.BalanceSettings settings, org.popcast.data.io.OutputFiles outputs) throws Exception {
        BalanceInput input = options.input();
        BalanceSeries series = input.series();
        TreeMap<Integer, double[]> observed = AgeGroupCsv.read(groups);
        int last = until != null ? until : series.lastYear() + 10;
        if (last < series.lastYear()) {
            throw new ParameterException(spec.commandLine(), "--until " + last + " is before the last data year " + series.lastYear());
        }
        FittedBalance level1 = BalanceFit.fit(series, input.jumps(), settings);
        AgeGroupFit.Result r = AgeGroupFit.fit(level1, observed, new double[] {youngWidth, workingWidth}, last, groups.toString());
        outputs.write(out, NetcdfWriter.writer(BalanceOutputs.groupsDataset(r, level1, observed, Provenance.of(PopcastCommand.commandLine(spec)))));
        if (options.tables().any()) {
            BalanceOutputs.writeGroupsTable(outputs, options.tables(spec), r, observed);
        }
        outputs.commit();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Level II from %d, %d group observations, rms %.3f per mille of the population%n", r.startYear(),
                r.observations(), r.rmsPerMille());
        for (int i = 0; i < 3; i++) {
            w.printf("  %-8s migration share %.3f, death rate x %.3f%n", AgeGroupFit.GROUPS[i], r.shares()[i], r.multipliers()[i]);
        }
        double[] end = r.groups()[r.groups().length - 1];
        w.printf("  %d: young %.0f, working %.0f, old %.0f%n", last, end[0], end[1], end[2]);
        w.printf("-> %s%s%n", out, options.tables().any() ? " and tables in " + options.tables().describe() : "");
        w.flush();
        return 0;
    }
}
