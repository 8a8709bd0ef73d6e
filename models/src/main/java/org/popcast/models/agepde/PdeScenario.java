package org.popcast.models.agepde;

import org.popcast.kernels.agepde.AgePdeProblem;

/**
 * A named age-structured PDE problem read from a scenario file; {@code source} is the file's text
 * with any CSV tables written inline, recorded in every result so the run can be repeated from the
 * result alone.
 */
public record PdeScenario(String name, String description, AgePdeProblem problem, String source) {
}
