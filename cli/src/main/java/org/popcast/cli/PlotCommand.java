package org.popcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.popcast.cli.plot.Figure;
import org.popcast.cli.plot.ImageFormat;
import org.popcast.cli.plot.Plots;
import org.popcast.cli.plot.ResultFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plot",
        header = "Draw the natural picture of a popcast result file (PNG, SVG or PDF).",
        mixinStandardHelpOptions = true, versionProvider = PopcastCommand.Version.class,
        description = {"Draw the natural picture of a popcast result file (PNG, SVG or PDF, by the extension of --out):",
                "  PDE solve/train/predict: density over time and age, births and population (exact dashed), training losses;",
                "  cohort project: population pyramids for --years and the --region's total by scenario;",
                "  cohort validate: projected against observed totals by level, with the error summary;",
                "  balance fit/forecast/backtest: observed points, fitted curve, forecast with its band for --series;",
                "  balance groups: the age groups, model and observed;",
                "  mobility evaluate: predicted against observed per model for --split, with the metric table."},
        footer = {"", "Examples: popcast plot pde-three-child.h5",
                "          popcast plot cohort-projection.h5 --years 2020,2050,2100 --region CN --out pyramids.svg"})
public final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A result file written by popcast (.h5).")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "PICTURE", description = "PNG, SVG or PDF file (default: FILE with .png).")
    Path out;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1200", description = "Width of the picture (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--years", paramLabel = "YEAR", split = ",", description = "Cohort: years of the pyramids (default: first and last).")
    List<Long> years = new ArrayList<>();

    @Option(names = "--region", paramLabel = "CODE", description = "Cohort: region (default: the nation, else the first region).")
    String region;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Cohort: scenario of the pyramids, in short form when unambiguous (medium for medium-medium; default: the central one).")
    String scenario;

    @Option(names = "--series", paramLabel = "NAME", split = ",",
            description = "Balance: indicators to draw, e.g. population,births,deaths (default: population).")
    List<String> series = new ArrayList<>();

    @Option(names = "--split", completionCandidates = Candidates.Splits.class, paramLabel = "NAME", description = "Mobility: split whose test predictions are drawn (default: the first).")
    String split;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = out == null ? ImageFormat.defaultFor(file) : out;
        if (ImageFormat.of(target) == null) {
            throw new ParameterException(spec.commandLine(), "--out " + target + ": the picture format follows the extension, .png, .svg or .pdf");
        }
        if (width < 400 || width > 10_000) {
            throw new ParameterException(spec.commandLine(), "--width " + width + " is outside 400 .. 10000 pixels");
        }
        try (org.popcast.data.io.OutputFiles outputs = PopcastCommand.outputs(spec).input("FILE", file)) {
            outputs.file("--out", target);
        }
        ResultFile result = ResultFile.read(file);
        String product = result.product();
        for (String option : List.of("--years", "--region", "--scenario", "--series", "--split")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option) && !Plots.accepts(product, option)) {
                throw new ParameterException(spec.commandLine(), option + " does not apply to " + file + " (a " + product + " file)");
            }
        }
        Figure figure = Plots.figure(result, new Plots.Choices(width, years, region, scenario, series, split));
        figure.write(target);
        spec.commandLine().getOut().printf("%s -> %s (%d x %d)%n", file, target, figure.width(), figure.height());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
