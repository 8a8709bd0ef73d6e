package org.popcast.cli;

import java.nio.file.Path;

import org.popcast.data.input.InputFolder;
import org.popcast.kernels.cohort.MigrationTiming;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The input folder of a projection and the flags that override its projection.yaml. */
final class CohortInputOptions {

    static final class Source {
        @Option(names = "--input", paramLabel = "DIR", description = "Input folder (formats.md): population.csv, fertility.csv,"
                + " mortality.csv, projection.yaml, optional migration.csv, srb.csv, regions.csv.")
        Path input;

        @Option(names = "--builtin", completionCandidates = Candidates.Builtins.class, paramLabel = "NAME", description = "An embedded input: china-cities (default: 356 cities,"
                + " 31 provinces, 2010 base, 15 scenarios) or china-national (2010 base, 5 fertility scenarios).")
        String builtin;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--base-year", paramLabel = "YEAR", description = "Overrides base_year.")
    Integer baseYear;

    @Option(names = "--step", paramLabel = "1|5", description = "Overrides step: 1 (single years) or 5 (five-year groups and steps;"
            + " single-year inputs are grouped).")
    Integer step;

    @Option(names = "--horizon", paramLabel = "YEARS", description = "Overrides horizon (years after the base year).")
    Integer horizon;

    @Option(names = "--migration-timing", completionCandidates = Candidates.MigrationTimings.class, paramLabel = "start|end|even", description = "Overrides migration_timing.")
    String timing;

    @Option(names = "--scenarios", paramLabel = "FILE|builtin:NAME", description = "Overrides scenarios: a scenario file"
            + " or builtin:paper-5x3 / builtin:paper-fertility.")
    String scenarios;

    @Option(names = "--rates", completionCandidates = Candidates.RateSources.class, paramLabel = "national|city", description = "Overrides rates: national (the rate files as"
            + " given) or city (each region's fertility by its child-woman ratio, mortality by a Brass logit to its life"
            + " expectancy ratio; docs/cohort.md).")
    org.popcast.models.cohort.RateSource rates;

    @Option(names = "--migration", completionCandidates = Candidates.MigrationSources.class, paramLabel = "tiers|estimated", description = "Overrides migration: tiers (the"
            + " internal_migration rates file) or estimated (each city's working-age excess in the base year as a migrant"
            + " stock, times the national stock's yearly growth; docs/cohort.md).")
    org.popcast.models.cohort.MigrationSource migration;

    /** {@code outputs} with the input folder and a --scenarios file as inputs. */
    org.popcast.data.io.OutputFiles inputs(org.popcast.data.io.OutputFiles outputs) {
        outputs.input("--input", source.input);
        if (scenarios != null && !scenarios.startsWith("builtin:")) {
            outputs.input("--scenarios", Path.of(scenarios));
        }
        return outputs;
    }

    CohortInput read(CommandSpec spec) {
        CohortInputReader.ProjectionOverrides overrides = overrides(spec);
        try {
            return CohortInputReader.read(folder(spec), overrides);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--")) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw e;
        }
    }

    /** The flags that override projection.yaml. */
    CohortInputReader.ProjectionOverrides overrides(CommandSpec spec) {
        MigrationTiming t = null;
        if (timing != null) {
            try {
                t = MigrationTiming.parse(timing);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--migration-timing: " + e.getMessage());
            }
        }
        return new CohortInputReader.ProjectionOverrides(baseYear, step, horizon, t, scenarios, rates, migration);
    }

    InputFolder folder(CommandSpec spec) {
        if (source.input != null) {
            return InputFolder.of(source.input);
        }
        String name = source.builtin == null ? "china-cities" : source.builtin;
        if (!CohortInputReader.BUILTIN.contains(name)) {
            throw new ParameterException(spec.commandLine(), "unknown built-in input '" + name + "', expected one of "
                    + String.join(", ", CohortInputReader.BUILTIN));
        }
        return InputFolder.builtin("cohort/" + name);
    }

    /** Where a --scenarios file is looked up: the working directory; a projection.yaml entry: the input folder. */
    InputFolder scenarioFolder(CommandSpec spec) {
        return scenarios != null && !scenarios.startsWith("builtin:") ? InputFolder.of(Path.of(".")) : folder(spec);
    }
}
