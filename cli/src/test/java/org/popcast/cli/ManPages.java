package org.popcast.cli;

import java.io.File;
import java.io.IOException;

import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes one AsciiDoc man page per command (popcast.adoc, popcast-pde-solve.adoc, ...) with
 * picocli-codegen's ManPageGenerator, from the same command tree the CLI runs. The build runs it
 * after the test classes compile (exec-maven-plugin in cli/pom.xml), into target/generated-docs;
 * it lives with the tests so picocli-codegen stays out of the shipped jar. Not its own main
 * ManPageGenerator.main: that one calls System.exit, which would end Maven.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        File out = new File(args.length > 0 ? args[0] : "target/generated-docs");
        int exit = ManPageGenerator.generateManPage(out, null, new boolean[0], true, PopcastCli.commandLine().getCommandSpec());
        if (exit != 0) {
            throw new IOException("ManPageGenerator exit code " + exit + " writing " + out);
        }
    }
}
