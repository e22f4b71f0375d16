# mult-cons.py: one queue, two consumers; each message goes to whichever consumer takes it first.
# One kill for each consumer, or one of them waits forever.
from multiprocessing import Process, Queue


def producer(q, count):
    for i in range(count):
        q.put("Message %d" % i)
    q.put("kill")
    q.put("kill")


def consumer(name, q):
    while True:
        m = q.get()
        if m == "kill":
            break
        print("%s got %s" % (name, m), flush=True)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q, 4))
    a = Process(target=consumer, args=("A", q))
    b = Process(target=consumer, args=("B", q))
    for x in (p, a, b):
        x.start()
    for x in (p, a, b):
        x.join()
