package org.popcast.models.agepde;

import java.nio.file.Path;
import java.util.List;

import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * A named age-structured PDE problem read from a scenario file; {@code source} is the file's text
 * with any CSV tables written inline, recorded in every result so the run can be repeated from the
 * result alone; {@code files} are the files it was read from (the YAML and its CSV tables), which
 * no output may overwrite.
 */
public record PdeScenario(String name, String description, AgePdeProblem problem, String source, List<Path> files) {
}
