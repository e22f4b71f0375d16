package org.chanvas.app.export.code;

import org.chanvas.model.Network;

/**
 * Writes a network as a program in one target language (SPEC §6). The interface says what; each implementation's
 * name says for which language.
 */
public interface CodeGenerator {

    /** The file name ending, without the dot: {@code py}, {@code go}, {@code pml}. */
    String extension();

    /** A short name for a file dialog. */
    String description();

    /**
     * The program's text. {@code command} is the command line that asked for it, quoted in the header.
     *
     * @throws Unsupported when a script uses something the target cannot express; nothing should be written then
     */
    String generate(Network network, String command) throws Unsupported;

    /** A feature the target language cannot express, named with its process and line. */
    final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        public Unsupported(String message) {
            super(message);
        }
    }
}
