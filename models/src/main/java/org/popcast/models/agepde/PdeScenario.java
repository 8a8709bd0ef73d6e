package org.popcast.models.agepde;

import java.nio.file.Path;

import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * A named age-structured PDE problem read from a scenario file; {@code source} is the file's text,
 * recorded in every result so the run can be repeated, and {@code directory} is where the CSV
 * files it names are read from.
 */
public record PdeScenario(String name, String description, AgePdeProblem problem, String source, Path directory) {
}
