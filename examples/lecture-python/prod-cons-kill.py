# prod-cons-kill.py: the producer ends the stream with a kill message, so the consumer stops.
from multiprocessing import Process, Queue


def producer(q):
    for i in range(4):
        q.put("Message %d" % i)
    q.put("kill")


def consumer(q):
    while True:
        m = q.get()
        if m == "kill":
            break
        print(m, flush=True)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q,))
    c = Process(target=consumer, args=(q,))
    p.start()
    c.start()
    p.join()
    c.join()
