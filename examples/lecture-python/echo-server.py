# echo-server.py: the client sends "Hello World" and prints the echo; the server never stops.
from multiprocessing import Pipe, Process


def server(conn):
    while True:
        m = conn.recv()
        print("Server got %s" % m, flush=True)
        conn.send(m)


def client(conn):
    conn.send("Hello World")
    print(conn.recv(), flush=True)


if __name__ == "__main__":
    s_end, c_end = Pipe()
    s = Process(target=server, args=(s_end,))
    c = Process(target=client, args=(c_end,))
    s.start()
    c.start()
    c.join()
    s.join()
