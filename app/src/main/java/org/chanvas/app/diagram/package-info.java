/**
 * The one drawing description of a network, with no JavaFX: {@link org.chanvas.app.diagram.DiagramGeometry#layout}
 * computes boxes, port stubs, routes, kind marks and labels once; {@link org.chanvas.app.diagram.DiagramPainter}
 * paints them on any Graphics2D (the editor's canvas through FXGraphics2D, PNG, SVG, PDF), with
 * {@link org.chanvas.app.diagram.Highlights} and an optional {@link org.chanvas.app.diagram.RunOverlay} on top.
 * Coordinates are diagram units, y down, the same as the file's process positions.
 */
package org.chanvas.app.diagram;
