package org.chanvas.model.analysis;

import org.chanvas.model.Network;

/**
 * The one entry point for the CLI and the editor: validate a network and list its deadlock-prone cycles.
 * Stateless; for repeated analysis of an edited network keep an {@link IncrementalAnalyzer}, which
 * gives the same results and reuses what an edit did not change.
 */
public final class Analysis {

    private Analysis() {
    }

    /** Validates the network and lists its cycles (computed even when it is invalid, for the editor). */
    public static AnalysisResult of(Network network, AnalysisOptions options) {
        return new IncrementalAnalyzer(options).analyze(network);
    }

    /** {@link #of(Network, AnalysisOptions)} with {@link AnalysisOptions#defaults()}. */
    public static AnalysisResult of(Network network) {
        return of(network, AnalysisOptions.defaults());
    }
}
