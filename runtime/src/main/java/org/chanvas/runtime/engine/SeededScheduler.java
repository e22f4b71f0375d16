package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.semantics.IndexSet;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;

/**
 * The seeded choice of the next move (the seeded engine's, and the editor's, so a seed gives the same run in
 * both): a due timer if any; else a process with a move of its own or a channel where a
 * communication can happen, at random, then one of its moves at random; a random value is drawn in range.
 * Drawing from the state's sets of ready processes and live channels keeps a move's cost independent of
 * the size of the network.
 */
public final class SeededScheduler implements DeterministicRun.Scheduler {
    private final SplittableRandom random;
    private final List<Move> moves = new ArrayList<>(4);
    private final Consumer<Move> collect = moves::add;

    public SeededScheduler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Move pick(Semantics semantics, State state) {
        moves.clear();
        if (semantics.timerDue(state)) {
            return semantics.nextTimer(state); // due timers fire in order of their time: none starves
        }
        IndexSet ready = state.readyProcesses();
        IndexSet live = state.liveChannels();
        int n = ready.size() + live.size();
        if (n == 0) {
            return semantics.nextTimer(state);
        }
        int k = random.nextInt(n);
        if (k < ready.size()) {
            int p = ready.get(k);
            if (state.request(p) instanceof Request.Choose c) {
                return new Move.Choose(p, draw(c.lo(), c.hi()));
            }
            semantics.movesOf(state, p, collect);
        } else {
            semantics.movesOn(state, live.get(k - ready.size()), collect);
        }
        return one();
    }

    private Move one() {
        return moves.size() == 1 ? moves.getFirst() : moves.get(random.nextInt(moves.size()));
    }

    private long draw(long lo, long hi) {
        if (hi < Long.MAX_VALUE) {
            return random.nextLong(lo, hi + 1);
        }
        return lo == Long.MIN_VALUE ? random.nextLong() : random.nextLong(lo - 1, hi) + 1;
    }
}
