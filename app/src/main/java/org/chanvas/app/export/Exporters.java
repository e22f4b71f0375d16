package org.chanvas.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chanvas.app.export.code.CodeExporter;
import org.chanvas.app.export.code.GoGenerator;
import org.chanvas.app.export.code.PromelaGenerator;
import org.chanvas.app.export.code.PythonGenerator;

/** The exporters Chanvas has, looked up by a file's extension. */
public final class Exporters {

    private static final List<Exporter> ALL = List.of(new PngExporter(), new SvgExporter(), new PdfExporter(),
            new DotExporter());

    /** Code for the same network (SPEC §6): looked up by ending like the diagrams, listed apart from them. */
    private static final List<Exporter> CODE = List.of(new CodeExporter(new PythonGenerator()),
            new CodeExporter(new GoGenerator()), new CodeExporter(new PromelaGenerator()));

    private Exporters() {
    }

    /** Every exporter, in the order a file dialog lists them. */
    public static List<Exporter> all() {
        return ALL;
    }

    /** The code exporters: Python, Go, Promela. */
    public static List<Exporter> code() {
        return CODE;
    }

    /** The exporter for an extension such as {@code "svg"} or {@code "py"} (any case, with or without the dot). */
    public static Optional<Exporter> forExtension(String extension) {
        String e = extension.startsWith(".") ? extension.substring(1) : extension;
        return java.util.stream.Stream.concat(ALL.stream(), CODE.stream())
                .filter(x -> x.extension().equalsIgnoreCase(e)).findFirst();
    }

    /** The exporter for a path's extension, e.g. {@code diagram.pdf}. */
    public static Optional<Exporter> forPath(Path path) {
        return extensionOf(path).flatMap(Exporters::forExtension);
    }

    /** The text after the last dot of the file name, lower-cased; empty when there is none. */
    public static Optional<String> extensionOf(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 || dot == s.length() - 1 ? Optional.empty()
                : Optional.of(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
