package org.popcast.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.popcast.data.input.EnumLabels;
import org.popcast.data.input.InputException;

import picocli.CommandLine;

/**
 * Builds the popcast command line with its error handling, so tests run the real CLI. Exit codes:
 * 0 success, 2 usage errors (unknown option or policy, bad step), 1 everything else (bad input
 * file, unwritable output, failure). Errors are one line on stderr; {@code --verbose} adds the
 * stack trace.
 */
public final class PopcastCli {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private PopcastCli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PopcastCommand());
        cl.setExecutionExceptionHandler(PopcastCli::onFailure);
        cl.setParameterExceptionHandler(PopcastCli::onUsageError);
        cl.setExecutionStrategy(PopcastCli::execute);
        for (Class<? extends Enum<?>> choice : CHOICES) {
            register(cl, choice);
        }
        return cl;
    }

    /** Option types typed as their labels (soft-relative, gradient-norm: {@link EnumLabels}). */
    private static final java.util.List<Class<? extends Enum<?>>> CHOICES = java.util.List.of(
            org.popcast.models.pinn.PinnSettings.InitialCondition.class, org.popcast.models.pinn.PinnSettings.LossWeights.class,
            org.popcast.kernels.sampling.Collocation.Kind.class, org.popcast.models.cohort.ProjectionEngine.class,
            org.popcast.models.cohort.RateSource.class, org.popcast.models.cohort.MigrationSource.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(CommandLine cl, Class<? extends Enum<?>> type) {
        cl.registerConverter((Class) type, value -> {
            try {
                return EnumLabels.parse((Class) type, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
    }

    /** Runs the chosen command after the start banner (not for help, version, --quiet or {@link Banner#SILENT} commands). */
    private static int execute(CommandLine.ParseResult parsed) {
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        java.util.List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine leaf = chain.get(chain.size() - 1);
        if (chain.size() > 1 && !((PopcastCommand) chain.get(0).getCommand()).quiet
                && !Banner.SILENT.contains(chain.get(1).getCommandName())) {
            leaf.getErr().println(Banner.line(leaf.getCommandSpec().qualifiedName().replaceFirst("^popcast ", "")));
            leaf.getErr().flush();
        }
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            // an Error, so picocli does not hand it to onFailure; say what to do in one line
            if (isVerbose(leaf)) {
                e.printStackTrace(leaf.getErr());
            }
            leaf.getErr().println(leaf.getCommandSpec().qualifiedName() + ": " + outOfMemory(Runtime.getRuntime().maxMemory()));
            leaf.getErr().flush();
            return EXIT_FAILURE;
        }
    }

    static String outOfMemory(long maxHeapBytes) {
        String heap = maxHeapBytes >= 1e9 ? String.format(java.util.Locale.ROOT, "%.1f GB", maxHeapBytes / 1e9)
                : String.format(java.util.Locale.ROOT, "%.0f MB", maxHeapBytes / 1e6);
        return "out of memory: the Java heap (at most " + heap + ") is full; give Java more, e.g. "
                + "JAVA_OPTS=-Xmx8g ./popcast ... (docs/performance.md lists what the large runs need)";
    }

    private static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        if (isVerbose(cl)) {
            ex.printStackTrace(err);
        }
        // a bad config file is fixed in the file, not by reading --help
        boolean fromConfig = ex instanceof ConfigFile.Error;
        String message = ConfigOption.describe(ex);
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message + (fromConfig || !message.equals(ex.getMessage()) ? "" : " (see --help)"));
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (isVerbose(cl)) {
            ex.printStackTrace(err);
        }
        err.println(cl.getCommandSpec().qualifiedName() + ": " + describe(ex));
        err.flush();
        return EXIT_FAILURE;
    }

    static String describe(Throwable ex) {
        if (ex instanceof InputException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (ex instanceof java.nio.file.FileSystemException f) {
            // their message is often the path alone: say what happened to it
            String what = f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NotDirectoryException ? "not a directory"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason() : "file system error";
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + what;
        }
        if (ex instanceof IOException) {
            return ex.getMessage();
        }
        return "internal error: " + ex + " (run with --verbose for the stack trace)";
    }

    private static boolean isVerbose(CommandLine cl) {
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((PopcastCommand) root.getCommand()).verbose;
    }
}
