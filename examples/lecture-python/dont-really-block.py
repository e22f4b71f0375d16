# dont-really-block.py: client2.py with the client's sends moved up. A send on a Pipe does not wait for the
# server ("we don't really block"): the client sends to both servers before it waits for either reply, so
# both servers work at once, and the only waits are the two receives. The servers never stop.
from multiprocessing import Pipe, Process


def server(name, conn):
    while True:
        m = conn.recv()
        print("Server %s got %s" % (name, m), flush=True)
        conn.send("%s from server %s" % (m, name))


def client(first, second):
    first.send("Hello")
    second.send("Hello")
    print("Client sent both", flush=True)
    print(first.recv(), flush=True)
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
