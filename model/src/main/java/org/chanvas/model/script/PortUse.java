package org.chanvas.model.script;

/**
 * One place a script uses a port.
 *
 * @param how the statement that uses it: send, recv, call or reply (a select guard counts as its send or recv)
 */
public record PortUse(String port, PortDirection direction, PortUse.How how, Pos pos) {

    /** The operation that names the port. */
    public enum How { SEND, RECV, CALL, REPLY }
}
