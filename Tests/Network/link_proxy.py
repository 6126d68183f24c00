#!/usr/bin/env python3
"""A TCP link that can be cut, for tests of what a cut does to a connection (standard library only).

    python3 Tests/Network/link_proxy.py TARGET_PORT

Listens on 127.0.0.1 (its port is the first line it prints) and forwards every connection to
127.0.0.1:TARGET_PORT. Commands on standard input, each answered "ok":
  cut   every connection open now, and every one opened until "heal", becomes a black hole: bytes
        are read and dropped both ways and nothing is closed — as over a cut link, where TCP stays
        established while its retransmissions back off;
  heal  new connections are forwarded again; those black-holed stay so (their TCP would take tens of
        seconds to recover).
"""
import asyncio
import sys

cut = False
links = []  # [(client writer, server writer, state dict)]


async def pump(reader, writer, state):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            if not state["dead"]:
                writer.write(data)
                await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        if not state["dead"]:
            writer.close()


async def accept(client_reader, client_writer, target):
    state = {"dead": cut}
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
    links.append(state)
    await asyncio.gather(pump(client_reader, server_writer, state), pump(server_reader, client_writer, state))


async def commands():
    global cut
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        command = line.strip()
        if command == "cut":
            cut = True
            for state in links:
                state["dead"] = True
        elif command == "heal":
            cut = False
        print("ok", flush=True)


async def main():
    target = int(sys.argv[1])
    server = await asyncio.start_server(lambda r, w: accept(r, w, target), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await commands()


asyncio.run(main())
