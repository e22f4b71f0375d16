# barrier.py: two producers arrive after 1 s and 2 s; the consumer collects one arrival from each
# and passes the barrier only when all have arrived.
import time
from multiprocessing import Process, Queue


def producer(name, index, delay, q):
    time.sleep(delay)
    print("%s arrives" % name, flush=True)
    q.put(str(index))


def consumer(q):
    barrier = [False, False]
    while not all(barrier):
        m = q.get()
        barrier[int(m)] = True
    print("Barrier passed", flush=True)


if __name__ == "__main__":
    q = Queue()
    a = Process(target=producer, args=("A", 0, 1, q))
    b = Process(target=producer, args=("B", 1, 2, q))
    c = Process(target=consumer, args=(q,))
    for x in (a, b, c):
        x.start()
    for x in (a, b, c):
        x.join()
