# client2.py: one client, two servers. The client blocks twice: on the first server's reply,
# then on the second's. The servers never stop.
from multiprocessing import Pipe, Process


def server(name, conn):
    while True:
        m = conn.recv()
        print("Server %s got %s" % (name, m), flush=True)
        conn.send("%s from server %s" % (m, name))


def client(first, second):
    first.send("Hello")
    print(first.recv(), flush=True)
    second.send("Hello")
    print(second.recv(), flush=True)


if __name__ == "__main__":
    s1, c1 = Pipe()
    s2, c2 = Pipe()
    servers = [Process(target=server, args=("1", s1)), Process(target=server, args=("2", s2))]
    c = Process(target=client, args=(c1, c2))
    for x in servers + [c]:
        x.start()
    c.join()
    for x in servers:
        x.join()
