package org.chanvas.model.script;

/** A place in a script: 1-based line and column. */
public record Pos(int line, int column) implements Comparable<Pos> {

    public static final Pos START = new Pos(1, 1);

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
