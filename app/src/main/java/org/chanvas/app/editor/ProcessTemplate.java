package org.chanvas.app.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chanvas.model.Process;

/**
 * A palette entry: a prefilled script for a process that plays a familiar part in a network, with the
 * parameters it takes (SPEC §3.1), as the lecture's {@code producer(name, count, queue)} takes its arguments.
 *
 * @param name what the palette shows
 * @param idStem the id a new process gets, numbered if taken
 * @param script the prefilled script (SPEC §3)
 * @param hint one line for the tooltip
 * @param params the parameters a new process starts with, in order (the inspector edits them)
 */
public record ProcessTemplate(String name, String idStem, String script, String hint, Map<String, Object> params) {

    public ProcessTemplate {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A template without parameters. */
    public ProcessTemplate(String name, String idStem, String script, String hint) {
        this(name, idStem, script, hint, Map.of());
    }

    /** A new process from this template: its script and its parameters, at (x, y). */
    public Process newProcess(String id, double x, double y) {
        return new Process(id, null, x, y, script, Map.of(), params);
    }

    /** Parameters in the order given: name, value, name, value... */
    private static Map<String, Object> params(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    /** The templates of the palette, in the order a lecture meets them. */
    public static List<ProcessTemplate> all() {
        return List.of(
                new ProcessTemplate("Producer", "producer", """
                        # producer(name, count, queue): the parameters name and count, the queue is the port out;
                        # sends count messages, then a kill message
                        for i in 0..count {
                          send out "Message {i} from {name}"
                        }
                        send out "kill"
                        """, "producer(name, count, queue): sends count messages on out, then \"kill\"",
                        params("name", "P", "count", 4L)),
                new ProcessTemplate("Consumer", "consumer", """
                        # consumer(name, queue): the parameter name, the queue is the port in;
                        # prints what arrives until it gets the kill message
                        forever {
                          m = recv in
                          if m == "kill" { break }
                          print "{name} got {m}"
                        }
                        """, "consumer(name, queue): prints each message from in until \"kill\"",
                        params("name", "A")),
                new ProcessTemplate("Echo server", "server", """
                        # answers every request with an echo
                        forever {
                          m = recv server
                          reply server "echo: {m}"
                        }
                        """, "Answers each call on server"),
                new ProcessTemplate("Client", "client", """
                        # calls the server three times and prints the replies
                        for i in 0..3 {
                          r = call server "hello {i}"
                          print r
                        }
                        """, "Calls server and prints the replies"),
                new ProcessTemplate("Worker", "worker", """
                        # takes jobs until kill, sends a result for each
                        forever {
                          job = recv jobs
                          if job == "kill" { stop }
                          send results "{self} did {job}"
                        }
                        """, "Takes jobs, sends results"),
                new ProcessTemplate("Select/merge", "merge", """
                        # forwards whichever input is ready first
                        forever {
                          select {
                            recv left as m { send out m }
                            recv right as m { send out m }
                          }
                        }
                        """, "Merges two inputs with select"),
                new ProcessTemplate("Barrier", "barrier", """
                        # lets three processes go once all three have arrived
                        forever {
                          repeat 3 { recv arrive }
                          repeat 3 { send release "go" }
                        }
                        """, "Releases everyone once three arrived"),
                new ProcessTemplate("Pipeline stage", "stage", """
                        # transforms each message and passes it on, kill included
                        forever {
                          x = recv in
                          if x == "kill" {
                            send out x
                            stop
                          }
                          send out "<{x}>"
                        }
                        """, "Receives, transforms, passes on"),
                new ProcessTemplate("Empty", "process", "", "A process with an empty script"));
    }

    /** The template with the given name, or {@link #empty()}. */
    public static ProcessTemplate named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst().orElse(empty());
    }

    public static ProcessTemplate empty() {
        return all().getLast();
    }
}
