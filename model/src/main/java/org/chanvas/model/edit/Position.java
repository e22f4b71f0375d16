package org.chanvas.model.edit;

/** A centre on the diagram, in diagram units. */
public record Position(double x, double y) {
}
