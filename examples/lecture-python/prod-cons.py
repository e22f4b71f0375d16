# prod-cons.py: a producer and a consumer on a queue, with no kill message.
# The consumer waits for a fifth message that never comes: the program never ends.
from multiprocessing import Process, Queue


def producer(q):
    for i in range(4):
        q.put("Message %d" % i)


def consumer(q):
    while True:
        m = q.get()
        print(m, flush=True)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q,))
    c = Process(target=consumer, args=(q,))
    p.start()
    c.start()
    p.join()
    c.join()
