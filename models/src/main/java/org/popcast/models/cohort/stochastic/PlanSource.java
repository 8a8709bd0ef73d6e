package org.popcast.models.cohort.stochastic;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputFolder;
import org.popcast.models.cohort.CohortInput;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ScenarioSet;

/**
 * What rebuilds the one-scenario plan of a probabilistic projection on another machine (a
 * {@link CohortInput} is not serializable, its texts are): the input folder's files as read, the
 * overrides of projection.yaml, the scenario file's text and the scenario's name. Rebuilding reads
 * the same texts the same way, so the plan is the same to the last bit.
 *
 * @param folder        the input folder's name in messages ({@link InputFolder#describe()})
 * @param files         the texts of the files reading the input touched, by file name
 * @param scenarioText  the scenario file's text ({@link ScenarioSet#source()}), empty for the input's own rates
 */
public record PlanSource(String folder, Map<String, String> files, CohortInputReader.ProjectionOverrides overrides,
                         String scenarioText, String scenario) implements Serializable {

    public PlanSource {
        files = Map.copyOf(files);
    }

    /** Reads the input once more through a {@link InputFolder#recording() recording} folder to learn which files it needs. */
    public static PlanSource capture(InputFolder folder, CohortInputReader.ProjectionOverrides overrides, ScenarioSet scenarios,
                                     String scenario) {
        if (!scenarios.names().contains(scenario)) {
            throw new IllegalArgumentException("no scenario '" + scenario + "' in " + scenarios.names());
        }
        InputFolder recording = folder.recording();
        CohortInputReader.read(recording, overrides);
        return new PlanSource(folder.describe(), recording.filesRead(), overrides, scenarios.source(), scenario);
    }

    /** The plan of the input with the one scenario. */
    public ProjectionPlan plan() {
        CohortInput input = CohortInputReader.read(InputFolder.ofTexts(folder, files), overrides);
        ScenarioSet set = scenarioText.isEmpty() ? ScenarioSet.baseline() : ScenarioSet.read(folder + " (scenarios)", scenarioText);
        return new ProjectionPlan(input, List.of(set.scenarios().get(set.names().indexOf(scenario))));
    }
}
