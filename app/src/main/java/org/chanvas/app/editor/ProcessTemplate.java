package org.chanvas.app.editor;

import java.util.List;

/**
 * A palette entry: a prefilled script for a process that plays a familiar part in a network.
 *
 * @param name what the palette shows
 * @param idStem the id a new process gets, numbered if taken
 * @param script the prefilled script (SPEC §3)
 * @param hint one line for the tooltip
 */
public record ProcessTemplate(String name, String idStem, String script, String hint) {

    /** The templates of the palette, in the order a lecture meets them. */
    public static List<ProcessTemplate> all() {
        return List.of(
                new ProcessTemplate("Producer", "producer", """
                        # sends five messages, then a kill message
                        for i in 0..5 {
                          send out "Message {i}"
                        }
                        send out "kill"
                        """, "Sends numbered messages on out, then \"kill\""),
                new ProcessTemplate("Consumer", "consumer", """
                        # prints what arrives until it gets the kill message
                        forever {
                          m = recv in
                          if m == "kill" { stop }
                          print m
                        }
                        """, "Prints each message from in until \"kill\""),
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
