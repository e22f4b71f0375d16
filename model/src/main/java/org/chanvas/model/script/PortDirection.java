package org.chanvas.model.script;

/** Which way a script uses a port: {@code send}/{@code call} write, {@code recv}/{@code reply} read. */
public enum PortDirection {
    OUTBOUND, INBOUND
}
