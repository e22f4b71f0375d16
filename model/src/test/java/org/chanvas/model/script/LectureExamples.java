package org.chanvas.model.script;

import java.util.List;

/** The lecture's Python examples, line for line in the script language: one script per process. */
final class LectureExamples {

    private LectureExamples() {
    }

    static final String PRODUCER = """
            # prod-cons.py: the producer ends the stream with a kill message
            for i in 0..4 {
              send out "Message {i}"
            }
            send out "kill"
            """;

    static final String CONSUMER = """
            forever {
              m = recv in
              if m == "kill" { stop }
              print m
            }
            """;

    /** Two consumers share one queue, so the producer sends one kill for each. */
    static final String PRODUCER_FOR_TWO = """
            for i in 0..10 { send out "Message {i}" }
            repeat 2 { send out "kill" }
            """;

    static final String NAMED_CONSUMER = """
            forever {
              m = recv in
              if m == "kill" {
                print "{self} done"
                stop
              }
              print "{self} got {m}"
            }
            """;

    static final String SELECT_OVER_TWO = """
            done = 0
            while done < 2 {
              select {
                recv left as m {
                  if m == "kill" { done = done + 1 } else { print "left: {m}" }
                }
                recv right as m {
                  if m == "kill" { done = done + 1 } else { print "right: {m}" }
                }
              }
            }
            """;

    static final String BARRIER_WORKER = """
            repeat 3 {
              sleep random(10, 100)
              print "{self} waits at the barrier"
              send arrive self
              recv release
              print "{self} passed"
            }
            """;

    static final String BARRIER = """
            n = 3
            forever {
              for k in 0..n { recv arrive }
              for k in 0..n { send release "go" }
            }
            """;

    static final String ECHO_CLIENT = """
            for i in 0..3 {
              answer = call server "hello {i}"
              print answer
            }
            """;

    static final String ECHO_SERVER = """
            forever {
              request = recv clients
              reply clients "echo: {request}"
            }
            """;

    static final String POOL_MASTER = """
            jobs = [["A", "2"], ["B", "3"], ["C", "1"]]
            for job in jobs {
              send work job
            }
            repeat 2 { send work "kill" }
            received = 0
            while received < len(jobs) {
              r = recv results
              print r
              received = received + 1
            }
            """;

    static final String POOL_WORKER = """
            forever {
              job = recv work
              if job == "kill" { stop }
              sleep random(1, 10) * 10
              send results "{self} did {job[0]} x {job[1]}"
            }
            """;

    static List<String> all() {
        return List.of(PRODUCER, CONSUMER, PRODUCER_FOR_TWO, NAMED_CONSUMER, SELECT_OVER_TWO, BARRIER_WORKER, BARRIER,
                ECHO_CLIENT, ECHO_SERVER, POOL_MASTER, POOL_WORKER);
    }
}
