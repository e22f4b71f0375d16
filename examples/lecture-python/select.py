# select.py: one consumer waits on two producers at once and takes whichever message is ready.
# The consumer never ends: after the producers' last messages it waits forever.
from multiprocessing import Pipe, Process
from multiprocessing.connection import wait


def producer(name, count, conn):
    for i in range(count):
        conn.send("%s %d" % (name, i))


def consumer(conns):
    while True:
        for r in wait(conns):
            print(r.recv(), flush=True)


if __name__ == "__main__":
    ra, wa = Pipe(duplex=False)
    rb, wb = Pipe(duplex=False)
    a = Process(target=producer, args=("A", 3, wa))
    b = Process(target=producer, args=("B", 3, wb))
    c = Process(target=consumer, args=([ra, rb],))
    for x in (a, b, c):
        x.start()
    for x in (a, b, c):
        x.join()
