package org.chanvas.app;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.application.Application;
import org.chanvas.app.cli.CheckCommand;
import org.chanvas.app.cli.ExportCommand;
import org.chanvas.app.cli.RunCommand;
import org.chanvas.app.cli.VerifyCommand;
import org.chanvas.app.editor.EditorApp;
import org.chanvas.app.editor.Prewarm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The {@code chanvas} command: with no subcommand it opens the editor (with the optional FILE).
 * It does not extend {@link Application}: on the classpath the JavaFX launcher needs a separate class.
 */
@Command(name = "chanvas", mixinStandardHelpOptions = true, version = "chanvas 0.1.0",
        description = "Draw, check, run and animate networks of communicating sequential processes.",
        subcommands = {CheckCommand.class, RunCommand.class, ExportCommand.class, VerifyCommand.class})
public final class Main implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a *.chanvas.json network to open")
    private File file;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (file != null) {
            args.add(file.getPath());
        }
        Prewarm.start();
        Application.launch(EditorApp.class, args.toArray(String[]::new));
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
