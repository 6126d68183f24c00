#!/usr/bin/env python3
"""Writes the golden frames of docs/PROTOCOL.md as hex fixtures, from an encoder written only from the
document (struct + zlib.crc32), independent of the Swift code. The Swift tests check that their encoder
produces exactly these bytes and that their decoder reads them back.

Usage: python3 scripts/make-golden-frames.py   (rewrites Tests/AnlanWireTests/Fixtures/*.hex)
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "AnlanWireTests", "Fixtures")

KIND = {"HELLO": 1, "REQUEST": 2, "RESPONSE": 3, "ERROR": 4, "PING": 5, "PONG": 6, "CANCEL": 7, "GOAWAY": 8, "STREAM": 9}


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def key(number, wire_type):
    return varint(number << 3 | wire_type)


def f_uint(number, value):
    return key(number, 0) + varint(value)


def f_sint(number, value):
    return key(number, 0) + varint(((value << 1) ^ (value >> 63)) & 0xFFFFFFFFFFFFFFFF)


def f_double(number, value):
    return key(number, 1) + struct.pack("<d", value)


def f_bytes(number, value):
    return key(number, 2) + varint(len(value)) + value


def f_string(number, value):
    return f_bytes(number, value.encode("utf-8"))


def frame(kind, request_id=0, method=0, status=0, budget=0, flags=0, payload=b""):
    head = struct.pack(">IHBBBBHII", 20 + len(payload), 0x414E, 1, KIND[kind], flags, status, method, request_id, budget)
    crc = zlib.crc32(payload, zlib.crc32(head))
    return head + struct.pack(">I", crc) + payload


def hello_payload():
    return (f_uint(1, 1) + f_uint(2, 1) + f_uint(3, 4 * 1024 * 1024) + f_uint(5, 1) + f_uint(6, 1024)
            + f_string(7, "probe-1") + f_uint(8, 1) + f_string(9, "330000") + f_string(10, "probe"))


def sample_payload():
    # The "Sample" message of the protocol document: every wire type once, plus a nested message.
    return (f_string(1, "浙江") + f_uint(2, 300) + f_sint(3, -2) + f_double(4, 1.5) + f_uint(5, 1)
            + f_bytes(6, f_string(1, "x")))


FRAMES = {
    "hello": frame("HELLO", payload=hello_payload()),
    "request": frame("REQUEST", request_id=7, method=0x0001, budget=1500, payload=sample_payload()),
    "response": frame("RESPONSE", request_id=7, method=0, payload=sample_payload()),
    "error": frame("ERROR", request_id=7, status=2, payload=f_string(1, "unknown region code \"330199\"")),
    "ping": frame("PING", request_id=9, payload=bytes(range(1, 9))),
    "cancel": frame("CANCEL", request_id=7),
    "goaway": frame("GOAWAY", payload=f_uint(1, 42) + f_string(2, "shutting down")),
    "compressed": frame("RESPONSE", request_id=8, flags=1,
                        payload=struct.pack(">I", 2000) + zlib.compress(b"anlan " * 333 + b"ok", 1)),
}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, data in FRAMES.items():
        with open(os.path.join(OUT, name + ".hex"), "w") as f:
            f.write(data.hex() + "\n")
        print(f"{name:10} {len(data):4} bytes  {data[:24].hex(' ')} | {data[24:].hex(' ') if len(data) < 80 else '…'}")
