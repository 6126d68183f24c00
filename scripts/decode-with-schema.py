#!/usr/bin/env python3
"""Decodes Anlan payloads with classes that protoc generated from docs/schema — a client that knows only
the exported schema and the framing of docs/PROTOCOL.md. Run by the Swift test SchemaTests (and by hand).

Usage: decode-with-schema.py GENERATED_DIR FIXTURES_DIR [MESSAGES_JSON]
  GENERATED_DIR  protoc --python_out of docs/schema/anlan/*.proto and docs/schema/example/sample.proto
  FIXTURES_DIR   the golden frames (Tests/AnlanWireTests/Fixtures/*.hex)
  MESSAGES_JSON  optional: {"anlan.pkg.Message": "hex payload", …} to decode as well
Prints one JSON object: each golden frame's decoded payload, and each message's fields.
"""
import importlib
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, sys.argv[1])
from google.protobuf import json_format, symbol_database  # noqa: E402

for name in os.listdir(os.path.join(sys.argv[1], "anlan")):
    if name.endswith("_pb2.py"):
        importlib.import_module("anlan." + name[:-3])
importlib.import_module("example.sample_pb2")
database = symbol_database.Default()


def message(full_name, payload):
    decoded = database.GetSymbol(full_name)()
    decoded.ParseFromString(payload)
    return json_format.MessageToDict(decoded, preserving_proto_field_name=True)


def frame(data):
    """The 24-byte header of docs/PROTOCOL.md, checked, and the payload (inflated when flagged)."""
    length, magic, version, kind, flags, status, method, request_id, budget, crc = struct.unpack(">IHBBBBHIII", data[:24])
    assert magic == 0x414E and version == 1 and length == len(data) - 4, "bad header"
    payload = data[24:]
    assert zlib.crc32(payload, zlib.crc32(data[:20])) == crc, "bad CRC-32"
    if flags & 1:
        declared = struct.unpack(">I", payload[:4])[0]
        payload = zlib.decompress(payload[4:])
        assert len(payload) == declared, "inflated length differs from the declared one"
    return kind, status, method, request_id, payload


PAYLOAD_OF_KIND = {1: "anlan.common.Hello", 4: "anlan.common.ErrorPayload", 8: "anlan.common.GoAway"}
result = {"frames": {}, "messages": {}}
for name in sorted(os.listdir(sys.argv[2])):
    if not name.endswith(".hex"):
        continue
    data = bytes.fromhex(open(os.path.join(sys.argv[2], name)).read().strip())
    kind, status, method, request_id, payload = frame(data)
    entry = {"kind": kind, "status": status, "method": method, "request_id": request_id}
    if kind in PAYLOAD_OF_KIND:
        entry["payload"] = message(PAYLOAD_OF_KIND[kind], payload)
    elif kind in (2, 3) and data[8] & 1 == 0:
        entry["payload"] = message("anlan.example.Sample", payload)
    else:
        entry["payload_bytes"] = len(payload)
    result["frames"][name[:-4]] = entry
if len(sys.argv) > 3:
    for full_name, payload in json.load(open(sys.argv[3])).items():
        result["messages"][full_name] = message(full_name, bytes.fromhex(payload))
print(json.dumps(result, ensure_ascii=False, sort_keys=True))
