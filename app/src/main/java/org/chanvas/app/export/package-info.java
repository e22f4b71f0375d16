/**
 * Writing a diagram to a file: the {@link org.chanvas.app.export.Exporter} role with PNG, SVG, PDF and DOT
 * implementations, chosen by extension through {@link org.chanvas.app.export.Exporters}. Every exporter writes
 * to a temporary file and moves it into place, so a failure leaves no partial file.
 */
package org.chanvas.app.export;
