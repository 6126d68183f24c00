#!/usr/bin/env python3
"""Holds N duty-room screens' live feeds open against a gateway's HTTP port, reading every event, for
a benchmark run beside it (`scripts/bench.sh gateway` while this runs). Prints how many events each
received when it ends (after --seconds, or on Ctrl-C). Standard library only.

    scripts/sse-clients.py --port 23000 --clients 50 --seconds 300
"""

import argparse
import socket
import threading
import time


def listen(host: str, port: int, counts: list, index: int, stop: threading.Event) -> None:
    with socket.create_connection((host, port)) as connection:
        connection.sendall(f"GET /api/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        connection.settimeout(1)
        buffered = b""
        while not stop.is_set():
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                return
            *lines, buffered = (buffered + chunk).split(b"\n")
            counts[index] += sum(1 for line in lines if line.strip() == b"event: summary")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    arguments = parser.parse_args()
    counts = [0] * arguments.clients
    stop = threading.Event()
    threads = [threading.Thread(target=listen, args=(arguments.host, arguments.port, counts, i, stop), daemon=True)
               for i in range(arguments.clients)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(arguments.seconds)
    except KeyboardInterrupt:
        pass
    stop.set()
    print(f"{arguments.clients} live feeds: {min(counts)}…{max(counts)} summaries each ({sum(counts)} in all)")


if __name__ == "__main__":
    main()
