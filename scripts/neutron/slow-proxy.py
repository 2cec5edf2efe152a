#!/usr/bin/env python3
"""slow-proxy.py LISTEN_PORT TARGET_PORT DELAY_SECONDS

A TCP proxy on 127.0.0.1:LISTEN_PORT to 127.0.0.1:TARGET_PORT that waits DELAY_SECONDS before it connects
each client through, to see how the console behaves with a slow cloud. For example, with a cloud in
clouds.yaml whose auth_url is http://127.0.0.1:5050/v3:

    python3 scripts/neutron/slow-proxy.py 5050 5000 5

makes the sign-in take 5 s longer, so that the offline copy the console opens on ("· refreshing…") stays on
screen until the live pages come. Stop it with Ctrl+C or by its PID.
"""
import socket
import sys
import threading
import time


def pipe(source, sink):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            sink.sendall(data)
    except OSError:
        pass
    finally:
        try:
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def serve(client, target, delay):
    time.sleep(delay)
    try:
        upstream = socket.create_connection(("127.0.0.1", target), timeout=30)
    except OSError:
        client.close()
        return
    threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
    pipe(upstream, client)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    listen, target, delay = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen))
    server.listen(16)
    while True:
        client, _ = server.accept()
        threading.Thread(target=serve, args=(client, target, delay), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
