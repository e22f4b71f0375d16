package org.chanvas.bench.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/**
 * Large networks for the editor benchmarks: processes on a grid, each sending right and down (so the graph
 * is acyclic), plus extra random forward channels, every port used by the process's script.
 */
public final class BigNetworks {

    private BigNetworks() {
    }

    /** {@code processes} processes and exactly {@code channels} channels, the same for the same seed. */
    public static Network grid(int processes, int channels, long seed) {
        int cols = (int) Math.ceil(Math.sqrt(processes * 1.25));
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < processes && links.size() < channels; i++) {
            if ((i + 1) % cols != 0 && i + 1 < processes) {
                links.add(new int[]{i, i + 1});
            }
            if (i + cols < processes && links.size() < channels) {
                links.add(new int[]{i, i + cols});
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        while (links.size() < channels) {
            int a = rnd.nextInt(processes - 1);
            int b = a + 1 + rnd.nextInt(Math.min(processes - a - 1, 3 * cols));
            links.add(new int[]{a, b});
        }
        List<List<String>> outs = new ArrayList<>();
        List<List<String>> ins = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            outs.add(new ArrayList<>());
            ins.add(new ArrayList<>());
        }
        List<Channel> cs = new ArrayList<>();
        for (int k = 0; k < links.size(); k++) {
            int a = links.get(k)[0];
            int b = links.get(k)[1];
            String out = "o" + outs.get(a).size();
            String in = "i" + ins.get(b).size();
            outs.get(a).add(out);
            ins.get(b).add(in);
            cs.add(new Channel("c" + k, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("p" + a, out)),
                    List.of(new Endpoint("p" + b, in))));
        }
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            ps.add(new Process("p" + i, 100 + (i % cols) * 180.0, 100 + (i / cols) * 140.0,
                    script(ins.get(i), outs.get(i))));
        }
        return new Network("grid " + processes, "", ps, cs, List.of(), Map.of());
    }

    /** A relay: takes from every inbound port in turn and passes on to every outbound port. */
    private static String script(List<String> ins, List<String> outs) {
        StringBuilder sb = new StringBuilder("forever {\n");
        sb.append(ins.isEmpty() ? "  x = 1\n" : "");
        for (String in : ins) {
            sb.append("  x = recv ").append(in).append('\n');
        }
        for (String out : outs) {
            sb.append("  send ").append(out).append(" x\n");
        }
        return sb.append("}\n").toString();
    }
}
