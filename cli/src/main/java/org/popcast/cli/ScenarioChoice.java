package org.popcast.cli;

import java.nio.file.Path;

import org.popcast.models.agepde.PdeScenario;
import org.popcast.models.agepde.PdeScenarioReader;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** One PDE scenario: a built-in policy or a scenario file (an exclusive group of the PDE commands). */
class ScenarioChoice {

    @Option(names = "--policy", completionCandidates = Candidates.Policies.class, paramLabel = "NAME", description = "A built-in policy (default three-child).")
    String policy;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario file (YAML, docs/scenarios.md).")
    Path scenario;

    /** {@code outputs} with the files {@code scenario} was read from as inputs. */
    static org.popcast.data.io.OutputFiles inputs(org.popcast.data.io.OutputFiles outputs, PdeScenario scenario) {
        scenario.files().forEach(f -> outputs.input("--scenario", f));
        return outputs;
    }

    /** The chosen scenario (three-child when neither option is given). */
    static PdeScenario resolve(ScenarioChoice choice, CommandSpec spec) {
        if (choice != null && choice.scenario != null) {
            return PdeScenarioReader.read(choice.scenario);
        }
        String name = choice == null || choice.policy == null ? "three-child" : choice.policy;
        if (!PdeScenarioReader.BUILTIN.contains(name)) {
            throw new ParameterException(spec.commandLine(), "unknown policy '" + name + "', expected one of "
                    + String.join(", ", PdeScenarioReader.BUILTIN) + " (or --scenario FILE)");
        }
        return PdeScenarioReader.builtin(name);
    }
}
