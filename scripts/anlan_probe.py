#!/usr/bin/env python3
"""anlan_probe — an independent Anlan (安澜) client, written from docs/PROTOCOL.md alone (Python 3, stdlib only).

It connects to an Anlan node, sends HELLO (service "pyprobe"), prints the server's HELLO field by field,
measures the round-trip time of a PING, and with --echo TEXT calls method 0x0002 with a message whose
field 1 is the bytes TEXT and prints the answer decoded generically (or the ERROR's status and message).
Every received frame is validated as the document says (magic, length, limit, version, CRC-32) and
compressed payloads are inflated within the limits (absolute cap, ratio, exact size).

Usage:
    python3 scripts/anlan_probe.py --host 127.0.0.1 --port N [--echo TEXT] [--timeout S] [--budget MS]
    python3 scripts/anlan_probe.py --port N --call 0x0231 --string 1=330106   # any method, generic fields
    python3 scripts/anlan_probe.py --selftest      # decode/re-encode the golden fixtures, negative cases

Exit status: 0 success; 1 connection or protocol failure; 2 usage; 3 the call was answered with ERROR.
"""
import argparse
import os
import socket
import ssl
import struct
import sys
import time
import zlib

# --- Constants (docs/PROTOCOL.md: "Frame layout", "Frame kinds", "Status codes", "Limits and defaults") ---

HEADER_SIZE = 24           # whole header, length field included
SIZE_AFTER_LENGTH = 20     # `length` = 20 + payload size
MAGIC = b"AN"              # 0x41 0x4E
VERSION = 1
FLAG_COMPRESSED = 0x01
FLAG_CREDENTIAL = 0x02   # REQUEST: the payload starts with a 2-byte length and a person's token

DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024             # header included
DEFAULT_MAX_INFLATED = DEFAULT_MAX_FRAME_SIZE - HEADER_SIZE
DEFAULT_MAX_RATIO = 200
DEFAULT_MAX_FIELD_COUNT = 1 << 20
DEFAULT_MAX_DEPTH = 32
COMPRESSION_THRESHOLD = 1024

KIND = {"HELLO": 0x01, "REQUEST": 0x02, "RESPONSE": 0x03, "ERROR": 0x04, "PING": 0x05,
        "PONG": 0x06, "CANCEL": 0x07, "GOAWAY": 0x08, "STREAM": 0x09}
KIND_NAME = {v: k for k, v in KIND.items()}

STATUS_NAME = {0: "ok", 1: "invalidArgument", 2: "notFound", 3: "alreadyExists", 4: "failedPrecondition",
               5: "permissionDenied", 6: "deadlineExceeded", 7: "unavailable", 8: "resourceExhausted",
               9: "cancelled", 10: "unimplemented", 11: "internal", 12: "notProcessed", 13: "protocolError"}
ST_INVALID_ARGUMENT, ST_RESOURCE_EXHAUSTED, ST_PROTOCOL_ERROR = 1, 8, 13

HELLO_FIELD_NAME = {1: "min_version", 2: "max_version", 3: "max_frame_size", 4: "max_concurrent_requests",
                    5: "compression", 6: "compression_threshold", 7: "node_id", 8: "tier", 9: "region_code",
                    10: "service", 11: "software_version"}

ECHO_METHOD = 0x0002

WT_VARINT, WT_FIXED64, WT_LEN, WT_FIXED32 = 0, 1, 2, 5
U64 = (1 << 64) - 1


def kind_name(kind):
    return KIND_NAME.get(kind, "UNKNOWN(0x%02x)" % kind)


def status_name(status):
    return STATUS_NAME.get(status, "unknown status %d" % status)


class WireError(Exception):
    """A violation of the protocol found in received bytes: a code, the status the document assigns, and
    the request id of the offending frame when it was readable."""

    def __init__(self, code, message, status=ST_PROTOCOL_ERROR, request_id=None):
        super().__init__("%s: %s" % (code, message))
        self.code = code
        self.status = status
        self.request_id = request_id


# --- Varints, zigzag, keys ("Payload encoding") ---

def encode_varint(value):
    if value < 0 or value > U64:
        raise ValueError("varint out of range: %r" % value)
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def decode_varint(buf, pos, end=None):
    """Returns (value, new position). At most 10 bytes; the 10th must be 0x00 or 0x01."""
    end = len(buf) if end is None else end
    result = 0
    shift = 0
    while True:
        if pos >= end:
            raise WireError("malformedPayload", "truncated varint", ST_INVALID_ARGUMENT)
        b = buf[pos]
        pos += 1
        if shift >= 64 or (shift == 63 and b > 1):
            raise WireError("malformedPayload", "varint longer than 64 bits", ST_INVALID_ARGUMENT)
        result |= (b & 0x7F) << shift
        if b & 0x80 == 0:
            return result, pos
        shift += 7


def zigzag_encode(n):
    return ((n << 1) ^ (n >> 63)) & U64


def zigzag_decode(u):
    v = (u >> 1) ^ -(u & 1)
    return v


def key(number, wire_type):
    if not 1 <= number <= (1 << 29) - 1:
        raise ValueError("field number out of range: %r" % number)
    return encode_varint(number << 3 | wire_type)


def f_uint(number, value):
    return key(number, WT_VARINT) + encode_varint(value)


def f_sint(number, value):
    return key(number, WT_VARINT) + encode_varint(zigzag_encode(value))


def f_bool(number, value):
    return f_uint(number, 1 if value else 0)


def f_double(number, value):
    return key(number, WT_FIXED64) + struct.pack("<d", value)     # little-endian!


def f_bytes(number, value):
    return key(number, WT_LEN) + encode_varint(len(value)) + bytes(value)


def f_string(number, value):
    return f_bytes(number, value.encode("utf-8"))


def f_message(number, encoded):
    return f_bytes(number, encoded)


# --- Generic message decoding ---

class FieldCounter:
    """Field keys counted across all nesting levels of one payload."""

    def __init__(self, limit=DEFAULT_MAX_FIELD_COUNT):
        self.limit = limit
        self.count = 0

    def add(self):
        self.count += 1
        if self.count > self.limit:
            raise WireError("limitExceeded", "payload has more than %d fields" % self.limit, ST_RESOURCE_EXHAUSTED)


def parse_fields(buf, counter=None):
    """Splits one message into [(number, wire_type, raw)]: raw is an int for varints and bytes otherwise
    (8 for fixed64, 4 for fixed32, the contents for length-delimited). Validates keys and lengths."""
    counter = counter or FieldCounter()
    buf = bytes(buf)
    fields = []
    pos, end = 0, len(buf)
    while pos < end:
        counter.add()
        k, pos = decode_varint(buf, pos, end)
        number, wire_type = k >> 3, k & 7
        if number < 1 or number > (1 << 29) - 1:
            raise WireError("malformedPayload", "field number %d is out of range" % number, ST_INVALID_ARGUMENT)
        if wire_type == WT_VARINT:
            value, pos = decode_varint(buf, pos, end)
        elif wire_type in (WT_FIXED64, WT_FIXED32):
            size = 8 if wire_type == WT_FIXED64 else 4
            if end - pos < size:
                raise WireError("malformedPayload", "field %d is truncated" % number, ST_INVALID_ARGUMENT)
            value, pos = buf[pos:pos + size], pos + size
        elif wire_type == WT_LEN:
            length, pos = decode_varint(buf, pos, end)
            if length > end - pos:
                raise WireError("malformedPayload", "field %d claims %d bytes, %d remain" % (number, length, end - pos),
                                ST_INVALID_ARGUMENT)
            value, pos = buf[pos:pos + length], pos + length
        else:
            raise WireError("malformedPayload", "field %d has unsupported wire type %d" % (number, wire_type),
                            ST_INVALID_ARGUMENT)
        fields.append((number, wire_type, value))
    return fields


def expect_type(field, wire_type):
    if field[1] != wire_type:
        raise WireError("malformedPayload", "field %d has wire type %d, expected %d" % (field[0], field[1], wire_type),
                        ST_INVALID_ARGUMENT)


def as_uint(field, bits=64):
    expect_type(field, WT_VARINT)
    if field[2] >> bits:
        raise WireError("malformedPayload", "field %d: %d does not fit in %d bits" % (field[0], field[2], bits),
                        ST_INVALID_ARGUMENT)
    return field[2]


def as_sint(field):
    expect_type(field, WT_VARINT)
    return zigzag_decode(field[2])


def as_bool(field):
    expect_type(field, WT_VARINT)
    return field[2] != 0


def as_double(field):
    expect_type(field, WT_FIXED64)
    return struct.unpack("<d", field[2])[0]


def as_bytes(field):
    expect_type(field, WT_LEN)
    return field[2]


def as_string(field):
    expect_type(field, WT_LEN)
    try:
        return field[2].decode("utf-8")
    except UnicodeDecodeError:
        raise WireError("malformedPayload", "field %d: string is not valid UTF-8" % field[0], ST_INVALID_ARGUMENT)


def as_message(field, counter, depth, max_depth=DEFAULT_MAX_DEPTH):
    """The nested message's fields; `depth` is the depth of the message that contains the field."""
    expect_type(field, WT_LEN)
    if depth + 1 > max_depth:
        raise WireError("limitExceeded", "messages nested deeper than %d levels" % max_depth, ST_RESOURCE_EXHAUSTED)
    return parse_fields(field[2], counter)


def shorten(text, limit=240):
    return text if len(text) <= limit else text[:limit] + "… (%d in all)" % len(text)


def describe_value(field, depth=0, max_depth=DEFAULT_MAX_DEPTH, sint_hint=True):
    """A schema-less rendering of one field's value (heuristic for length-delimited values)."""
    number, wire_type, raw = field
    if wire_type == WT_VARINT:
        text = str(raw)
        if sint_hint and raw > 1:
            text += " (as sint: %d)" % zigzag_decode(raw)
        return text
    if wire_type == WT_FIXED64:
        return "fixed64 0x%016x (as double: %r)" % (struct.unpack("<Q", raw)[0], struct.unpack("<d", raw)[0])
    if wire_type == WT_FIXED32:
        return "fixed32 0x%08x (as float: %r)" % (struct.unpack("<I", raw)[0], struct.unpack("<f", raw)[0])
    try:
        text = raw.decode("utf-8")
        if all(c.isprintable() or c in "\t\r\n" for c in text):
            return shorten(repr(text))
    except UnicodeDecodeError:
        pass
    if raw and depth + 1 <= max_depth:
        try:
            nested = parse_fields(raw)
            inner = ", ".join("%d: %s" % (f[0], describe_value(f, depth + 1)) for f in nested)
            return "{%s}" % inner
        except WireError:
            pass
    return "bytes[%d] %s" % (len(raw), shorten(raw.hex(" "), 96))


def render_message(payload, names=None, indent="  "):
    lines = []
    for field in parse_fields(payload):
        name = " (%s)" % names[field[0]] if names and field[0] in names else ""
        lines.append("%sfield %d%s = %s" % (indent, field[0], name, describe_value(field, sint_hint=not name)))
    return "\n".join(lines) if lines else indent + "(empty message)"


# --- Frames ("Frame layout") ---

class Frame:
    __slots__ = ("length", "version", "kind", "flags", "status", "method", "request_id", "budget", "crc", "payload")

    def __init__(self, length, version, kind, flags, status, method, request_id, budget, crc, payload):
        self.length, self.version, self.kind, self.flags = length, version, kind, flags
        self.status, self.method, self.request_id, self.budget = status, method, request_id, budget
        self.crc, self.payload = crc, payload

    @property
    def compressed(self):
        return bool(self.flags & FLAG_COMPRESSED)

    def __repr__(self):
        return ("%s(id=%d, method=0x%04x, status=%s, flags=0x%02x, budget=%d, payload=%d bytes)"
                % (kind_name(self.kind), self.request_id, self.method, status_name(self.status), self.flags,
                   self.budget, len(self.payload)))


def frame_crc(header20, payload):
    return zlib.crc32(payload, zlib.crc32(header20)) & 0xFFFFFFFF


def read_token(value):
    """The token's bytes from --token: the token itself, or the path of a file that holds it."""
    if not value:
        return b""
    if value.startswith("/") and os.path.exists(value):
        with open(value, "rb") as f:
            return f.read().strip()
    return value.strip().encode("ascii")


def encode_frame(kind, request_id=0, method=0, status=0, budget=0, flags=0, payload=b"",
                 max_frame_size=DEFAULT_MAX_FRAME_SIZE):
    payload = bytes(payload)
    if HEADER_SIZE + len(payload) > max_frame_size:
        raise WireError("frameTooLarge", "frame of %d bytes exceeds the limit of %d"
                        % (HEADER_SIZE + len(payload), max_frame_size), ST_RESOURCE_EXHAUSTED, request_id)
    head = struct.pack(">IHBBBBHII", SIZE_AFTER_LENGTH + len(payload), 0x414E, VERSION, kind, flags, status,
                       method, request_id, budget)
    return head + struct.pack(">I", frame_crc(head, payload)) + payload


class FrameDecoder:
    """Splits a byte stream into frames, with the receiver's checks in the document's order: magic (byte 4
    as soon as it is there, then bytes 4-5), length >= 20, length + 4 <= max_frame_size (before the body
    arrives), version, then CRC-32 over bytes 0..<20 + payload once the whole frame is there."""

    def __init__(self, max_frame_size=DEFAULT_MAX_FRAME_SIZE):
        self.max_frame_size = max_frame_size
        self.buffer = bytearray()

    def feed(self, data):
        self.buffer += data
        frames = []
        while True:
            frame = self._next()
            if frame is None:
                return frames
            frames.append(frame)

    def _next(self):
        buf = self.buffer
        available = len(buf)
        if available >= 5 and buf[4] != MAGIC[0]:
            raise WireError("badMagic", "bad magic byte 0x%02x" % buf[4])
        if available < 6:
            return None
        length = struct.unpack_from(">I", buf, 0)[0]
        if bytes(buf[4:6]) != MAGIC:
            raise WireError("badMagic", "bad magic 0x%s, expected 0x414e" % bytes(buf[4:6]).hex())
        if length < SIZE_AFTER_LENGTH:
            raise WireError("frameTooShort", "length %d is shorter than the 20-byte header" % length)
        if length + 4 > self.max_frame_size:
            raise WireError("frameTooLarge", "frame of %d bytes exceeds the limit of %d"
                            % (length + 4, self.max_frame_size), ST_RESOURCE_EXHAUSTED, None)
        if available >= 7 and buf[6] != VERSION:
            raise WireError("unsupportedVersion", "protocol version %d is not supported" % buf[6])
        if available < length + 4:
            return None
        (_, _, version, kind, flags, status, method, request_id, budget, crc) = struct.unpack_from(
            ">IHBBBBHIII", buf, 0)
        payload = bytes(buf[HEADER_SIZE:length + 4])
        expected = frame_crc(bytes(buf[0:20]), payload)
        if expected != crc:
            raise WireError("checksumMismatch", "CRC-32 mismatch: header says 0x%08x, bytes give 0x%08x"
                            % (crc, expected), ST_PROTOCOL_ERROR, request_id)
        del self.buffer[:length + 4]
        return Frame(length, version, kind, flags, status, method, request_id, budget, crc, payload)

    def finish(self):
        """At end of stream: leftover bytes are a truncated frame."""
        if self.buffer:
            raise WireError("truncated", "connection closed in the middle of a frame (%d bytes left)" % len(self.buffer))


def decode_one(data, max_frame_size=DEFAULT_MAX_FRAME_SIZE):
    """Exactly one frame from `data`, which must hold nothing else."""
    decoder = FrameDecoder(max_frame_size)
    frames = decoder.feed(data)
    decoder.finish()
    if len(frames) != 1:
        raise WireError("truncated", "expected one frame, got %d" % len(frames))
    return frames[0]


# --- Compression ("Compression") ---

def compress_payload(payload, level=1, max_ratio=DEFAULT_MAX_RATIO):
    """`u32 BE size + zlib stream`, or None when that would not be smaller or would inflate past the
    receiver's ratio cap (counted on the stream, without the 4-byte prefix): a sender never produces
    what a receiver must refuse. `max_ratio=None` makes bombs for the self-test."""
    stream = zlib.compress(payload, level)
    if max_ratio is not None and len(payload) > max(1, len(stream)) * max_ratio:
        return None
    out = struct.pack(">I", len(payload)) + stream
    return out if len(out) < len(payload) else None


def decompress_payload(payload, max_inflated=DEFAULT_MAX_INFLATED, max_ratio=DEFAULT_MAX_RATIO, request_id=None):
    if len(payload) < 4:
        raise WireError("compressionRejected", "compressed payload is shorter than its 4-byte length",
                        ST_PROTOCOL_ERROR, request_id)
    declared = struct.unpack_from(">I", payload, 0)[0]
    stream = payload[4:]
    if declared > max_inflated:
        raise WireError("compressionRejected", "declared inflated size %d exceeds the limit of %d"
                        % (declared, max_inflated), ST_PROTOCOL_ERROR, request_id)
    if declared > max(1, len(stream)) * max_ratio:
        raise WireError("compressionRejected", "declared inflation ratio %d:1 exceeds %d:1"
                        % (declared // max(1, len(stream)), max_ratio), ST_PROTOCOL_ERROR, request_id)
    inflater = zlib.decompressobj()          # zlib (RFC 1950) stream, header and Adler-32 checked
    try:
        out = inflater.decompress(stream, declared) if declared else inflater.decompress(stream, 1)
    except zlib.error as error:
        raise WireError("compressionRejected", "zlib stream rejected: %s" % error, ST_PROTOCOL_ERROR, request_id)
    if (len(out) != declared or not inflater.eof or inflater.unconsumed_tail or inflater.unused_data):
        raise WireError("compressionRejected", "zlib stream inflated to %s bytes (ended: %s, trailing: %d), declared %d"
                        % (len(out), inflater.eof, len(inflater.unconsumed_tail) + len(inflater.unused_data), declared),
                        ST_PROTOCOL_ERROR, request_id)
    return out


def payload_of(frame, max_inflated=DEFAULT_MAX_INFLATED):
    if frame.compressed and frame.kind in (KIND["REQUEST"], KIND["RESPONSE"], KIND["STREAM"]):
        return decompress_payload(frame.payload, max_inflated, request_id=frame.request_id)
    return frame.payload


# --- Control messages ("Control messages") ---

HELLO_DEFAULTS = {"min_version": 1, "max_version": 1, "max_frame_size": DEFAULT_MAX_FRAME_SIZE,
                  "max_concurrent_requests": 0, "compression": 1, "compression_threshold": 1024, "node_id": "",
                  "tier": 0, "region_code": "", "service": "", "software_version": ""}
HELLO_TYPES = {1: 8, 2: 8, 3: 32, 4: 32, 5: 64, 6: 32, 8: 8}        # uint widths; 7, 9, 10, 11 are strings


def encode_hello(service="pyprobe", max_frame_size=DEFAULT_MAX_FRAME_SIZE, accept_zlib=True, node_id="", tier=0,
                 region_code="", software_version="", max_concurrent_requests=0,
                 compression_threshold=COMPRESSION_THRESHOLD):
    out = f_uint(1, 1) + f_uint(2, 1) + f_uint(3, max_frame_size)
    if max_concurrent_requests:
        out += f_uint(4, max_concurrent_requests)
    out += f_uint(5, 1 if accept_zlib else 0) + f_uint(6, compression_threshold)
    if node_id:
        out += f_string(7, node_id)
    if tier:
        out += f_uint(8, tier)
    if region_code:
        out += f_string(9, region_code)
    if service:
        out += f_string(10, service)
    if software_version:
        out += f_string(11, software_version)
    return out


def decode_hello(payload):
    hello = dict(HELLO_DEFAULTS)
    for field in parse_fields(payload):
        number = field[0]
        if number in HELLO_TYPES:
            hello[HELLO_FIELD_NAME[number]] = as_uint(field, HELLO_TYPES[number])
        elif number in (7, 9, 10, 11):
            hello[HELLO_FIELD_NAME[number]] = as_string(field)
        # unknown fields: skipped
    return hello


def decode_error(payload):
    message, detail = "", None
    for field in parse_fields(payload):
        if field[0] == 1:
            message = as_string(field)
        elif field[0] == 2:
            detail = as_string(field)
    return message, detail


def decode_goaway(payload):
    last, reason = 0, ""
    for field in parse_fields(payload):
        if field[0] == 1:
            last = as_uint(field, 32)
        elif field[0] == 2:
            reason = as_string(field)
    return last, reason


# --- The client ---

class ProbeFailure(Exception):
    pass


def tls_context(pki, identity):
    """Mutual TLS as Anlan's nodes speak it (docs/PROTOCOL.md, "Transport security"): TLS 1.3, the
    province's root as the only trust anchor, this side's certificate chain and key from the PKI
    directory, no host name check (a node is named by its certificate's anlan:// URI, not a host)."""
    region, _, service = identity.partition("/")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(os.path.join(pki, "root.pem"))
    context.load_cert_chain(os.path.join(pki, f"{region}-{service}.pem"), os.path.join(pki, f"{region}-{service}.key"))
    return context


class Connection:
    def __init__(self, host, port, timeout, tls=None):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls is not None:
            self.sock = tls.wrap_socket(self.sock)
        self.timeout = timeout
        self.decoder = FrameDecoder(DEFAULT_MAX_FRAME_SIZE)
        self.inbox = []
        self.next_id = 0
        self.send_limit = DEFAULT_MAX_FRAME_SIZE
        self.peer_accepts_zlib = False
        self.draining = False
        self.last_request_id = None

    def new_id(self):
        """Request ids count up from 1 and skip 0 (0 means "the connection" in ERROR frames)."""
        self.next_id = (self.next_id + 1) & 0xFFFFFFFF
        if self.next_id == 0:
            self.next_id = 1
        return self.next_id

    def send(self, data):
        self.sock.sendall(data)

    def receive(self, deadline):
        """The next frame, validated; raises on timeout, close or a framing error."""
        while not self.inbox:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProbeFailure("timed out waiting for a frame")
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                raise ProbeFailure("timed out waiting for a frame")
            if not data:
                self.decoder.finish()
                raise ProbeFailure("the server closed the connection")
            self.inbox.extend(self.decoder.feed(data))
        return self.inbox.pop(0)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def handshake(self, service, max_frame_size=DEFAULT_MAX_FRAME_SIZE):
        self.send(encode_frame(KIND["HELLO"], payload=encode_hello(service=service, max_frame_size=max_frame_size)))
        frame = self.receive(time.monotonic() + self.timeout)
        if frame.kind == KIND["ERROR"]:
            message, _ = decode_error(frame.payload)
            raise ProbeFailure("handshake refused: %s: %s" % (status_name(frame.status), message))
        if frame.kind != KIND["HELLO"]:
            raise ProbeFailure("expected HELLO from the server, got %s" % kind_name(frame.kind))
        hello = decode_hello(frame.payload)
        if max(1, hello["min_version"]) > min(1, hello["max_version"]):
            raise ProbeFailure("no common protocol version: server speaks %d-%d"
                               % (hello["min_version"], hello["max_version"]))
        self.send_limit = min(hello["max_frame_size"], DEFAULT_MAX_FRAME_SIZE)
        self.peer_accepts_zlib = bool(hello["compression"] & 1)
        return frame

    def wait_for(self, request_id, kinds, deadline, on_stream=None):
        """Frames until one of `kinds` for `request_id`; connection-level frames are handled on the way."""
        while True:
            frame = self.receive(deadline)
            if frame.kind == KIND["ERROR"] and frame.request_id == 0:
                message, _ = decode_error(frame.payload)
                raise ProbeFailure("connection-level ERROR %s: %s" % (status_name(frame.status), message))
            if frame.kind == KIND["GOAWAY"]:
                self.draining = True
                self.last_request_id, reason = decode_goaway(frame.payload)
                print("GOAWAY: last request id %d, reason %r" % (self.last_request_id, reason))
                if request_id > self.last_request_id and KIND["PONG"] not in kinds:
                    raise ProbeFailure("request %d will not be processed (server draining): notProcessed, safe to retry"
                                       % request_id)
                continue
            if frame.request_id == request_id and frame.kind == KIND["STREAM"] and on_stream:
                on_stream(frame)
                continue
            if frame.request_id == request_id and frame.kind in kinds:
                return frame
            if frame.kind not in KIND_NAME:
                print("(ignoring unknown frame kind 0x%02x)" % frame.kind)
            # anything else: an answer for an id not waited for, or a kind a client ignores


def build_payload(strings, uints, bools):
    """A request payload from --string N=TEXT, --uint N=V and --bool N, in field-number order."""
    fields = []
    for spec in strings:
        number, _, text = spec.partition("=")
        fields.append((int(number), f_string(int(number), text)))
    for spec in uints:
        number, _, value = spec.partition("=")
        fields.append((int(number), f_uint(int(number), int(value, 0))))
    for number in bools:
        fields.append((int(number), f_bool(int(number), True)))
    return b"".join(encoded for _, encoded in sorted(fields, key=lambda pair: pair[0]))


def run(args):
    tls = tls_context(args.pki, args.identity) if args.pki else None
    conn = Connection(args.host, args.port, args.timeout, tls)
    try:
        hello_frame = conn.handshake("pyprobe", max_frame_size=args.max_frame_size)
        print("server HELLO (%d payload bytes):" % len(hello_frame.payload))
        print(render_message(hello_frame.payload, HELLO_FIELD_NAME))

        if args.unknown_kind is not None:
            # A frame of a kind this protocol version does not define, before the PING: the server answers
            # ERROR unimplemented with its id, or, for id 0, nothing (an ERROR with id 0 means the connection failed).
            conn.send(encode_frame(int(args.unknown_kind, 0), request_id=args.unknown_id, payload=b"", max_frame_size=conn.send_limit))
        ping_id = conn.new_id() if args.ping_id is None else args.ping_id
        token = struct.pack(">Q", time.monotonic_ns() & U64)
        start = time.perf_counter_ns()
        conn.send(encode_frame(KIND["PING"], request_id=ping_id, payload=token, flags=args.ping_flags, max_frame_size=conn.send_limit))
        pong = conn.wait_for(ping_id, (KIND["PONG"],), time.monotonic() + args.timeout)
        rtt_us = (time.perf_counter_ns() - start) / 1000.0
        if pong.payload != token:
            raise ProbeFailure("PONG did not echo the PING payload")
        print("PING id %d: RTT %.1f µs" % (ping_id, rtt_us))

        if args.echo is not None or args.call is not None:
            if conn.draining:
                raise ProbeFailure("server is draining; not sending the request")
            request_id = conn.new_id()
            if args.call is not None:
                method = int(args.call, 0)
                payload = build_payload(args.string or [], args.uint or [], args.bool or [])
            else:
                method = ECHO_METHOD
                payload = f_bytes(1, args.echo.encode("utf-8"))
            flags = 0
            token = read_token(args.token)
            if token:
                # The credential leads the uncompressed payload: u16 big-endian length, the token's bytes.
                payload, flags = struct.pack(">H", len(token)) + token + payload, FLAG_CREDENTIAL
            if args.zip_bomb:
                # 16 MiB of zeros in a ~16 KiB zlib stream, flagged compressed: past every inflation limit.
                payload, flags = compress_payload(bytes(16 << 20), max_ratio=None), FLAG_COMPRESSED
            elif conn.peer_accepts_zlib and len(payload) >= COMPRESSION_THRESHOLD:
                compressed = compress_payload(payload)
                if compressed is not None:
                    payload, flags = compressed, flags | FLAG_COMPRESSED
            deadline = time.monotonic() + args.budget / 1000.0
            budget = max(1, int((deadline - time.monotonic()) * 1000))
            conn.send(encode_frame(KIND["REQUEST"], request_id=request_id, method=method, budget=budget,
                                   flags=flags, payload=payload, max_frame_size=conn.send_limit))
            if args.goaway_after_request:
                # The client goes away with the call open: the server finishes what it can and closes — an
                # endless stream (a watch) at the latest after its drain timeout.
                conn.send(encode_frame(KIND["GOAWAY"], payload=f_uint(1, request_id)))
                sent = time.monotonic()
                try:
                    while True:
                        frame = conn.receive(sent + args.timeout)
                        print("%s id %d after GOAWAY" % (kind_name(frame.kind), frame.request_id))
                except ProbeFailure as failure:
                    if "closed the connection" not in str(failure):
                        raise
                print("the server closed the connection %.2f s after the client's GOAWAY" % (time.monotonic() - sent))
                return 0

            def on_stream(frame):
                print("STREAM id %d:" % frame.request_id)
                print(render_message(payload_of(frame)))

            answer = conn.wait_for(request_id, (KIND["RESPONSE"], KIND["ERROR"]),
                                   max(deadline, time.monotonic()) + 0.5, on_stream)
            if answer.kind == KIND["ERROR"]:
                message, detail = decode_error(answer.payload)
                print("ERROR for request %d: %s (%d): %s%s" % (request_id, status_name(answer.status), answer.status,
                                                              message, " [%s]" % detail if detail else ""))
                return 3
            body = payload_of(answer)
            print("RESPONSE to request %d (method 0x%04x, %d payload bytes%s):"
                  % (request_id, method, len(body), ", compressed on the wire" if answer.compressed else ""))
            print(render_message(body))
        return 0
    finally:
        conn.close()


# --- Self-test on the golden fixtures ---

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "AnlanWireTests", "Fixtures")


def fixture(name):
    with open(os.path.join(FIXTURES, name + ".hex")) as f:
        return bytes.fromhex(f.read().strip())


def sample_payload():
    return (f_string(1, "浙江") + f_uint(2, 300) + f_sint(3, -2) + f_double(4, 1.5) + f_bool(5, True)
            + f_message(6, f_string(1, "x")))


def decode_sample(payload):
    sample = {"text": "", "count": 0, "delta": 0, "ratio": 0.0, "flag": False, "inner": None, "tags": []}
    counter = FieldCounter()
    for field in parse_fields(payload, counter):
        n = field[0]
        if n == 1:
            sample["text"] = as_string(field)
        elif n == 2:
            sample["count"] = as_uint(field)
        elif n == 3:
            sample["delta"] = as_sint(field)
        elif n == 4:
            sample["ratio"] = as_double(field)
        elif n == 5:
            sample["flag"] = as_bool(field)
        elif n == 6:
            inner = {"name": ""}
            for g in as_message(field, counter, 0):
                if g[0] == 1:
                    inner["name"] = as_string(g)
            sample["inner"] = inner
        elif n == 7:
            sample["tags"].append(as_string(field))
    return sample, counter.count


def selftest():
    results = {"passed": 0, "failed": 0}

    def check(name, condition, detail=""):
        if condition:
            results["passed"] += 1
            print("ok    %s" % name)
        else:
            results["failed"] += 1
            print("FAIL  %s %s" % (name, detail))

    def raises(name, code, fn):
        try:
            fn()
        except WireError as error:
            check(name, error.code == code, "(got %s)" % error)
            return error
        check(name, False, "(no error)")
        return None

    expected_headers = {   # kind, flags, status, method, request id, budget, payload length
        "hello": (0x01, 0, 0, 0, 0, 0, 40), "request": (0x02, 0, 0, 1, 7, 1500, 29),
        "response": (0x03, 0, 0, 0, 7, 0, 29), "error": (0x04, 0, 2, 0, 7, 0, 30),
        "ping": (0x05, 0, 0, 0, 9, 0, 8), "cancel": (0x07, 0, 0, 0, 7, 0, 0),
        "goaway": (0x08, 0, 0, 0, 0, 0, 17), "compressed": (0x03, 1, 0, 0, 8, 0, 41),
    }
    frames = {}
    for name, want in expected_headers.items():
        data = fixture(name)
        frame = decode_one(data)
        frames[name] = frame
        got = (frame.kind, frame.flags, frame.status, frame.method, frame.request_id, frame.budget, len(frame.payload))
        check("%-10s header fields %s" % (name, got), got == want, "(want %s)" % (want,))
        check("%-10s length = 20 + payload" % name, frame.length == 20 + len(frame.payload) == len(data) - 4)
        byte_by_byte = FrameDecoder()
        pieces = [f for i in range(len(data)) for f in byte_by_byte.feed(data[i:i + 1])]
        check("%-10s decodes fed one byte at a time" % name,
              len(pieces) == 1 and pieces[0].payload == frame.payload and not byte_by_byte.buffer)
        again = encode_frame(frame.kind, frame.request_id, frame.method, frame.status, frame.budget, frame.flags,
                             frame.payload)
        check("%-10s re-encodes byte for byte (CRC 0x%08x)" % (name, frame.crc), again == data)

    hello = decode_hello(frames["hello"].payload)
    check("hello      fields", hello == {"min_version": 1, "max_version": 1, "max_frame_size": 4194304,
                                         "max_concurrent_requests": 0, "compression": 1,
                                         "compression_threshold": 1024, "node_id": "probe-1", "tier": 1,
                                         "region_code": "330000", "service": "probe", "software_version": ""},
          repr(hello))
    check("hello      payload from encode_hello",
          encode_hello(service="probe", node_id="probe-1", tier=1, region_code="330000") == frames["hello"].payload)

    golden_sample = {"text": "浙江", "count": 300, "delta": -2, "ratio": 1.5, "flag": True, "inner": {"name": "x"},
                     "tags": []}
    for name in ("request", "response"):
        sample, count = decode_sample(frames[name].payload)
        check("%-10s Sample fields" % name, sample == golden_sample, repr(sample))
        check("%-10s Sample field count 7 (nested included)" % name, count == 7, str(count))
        check("%-10s Sample payload from the field encoders" % name, sample_payload() == frames[name].payload)

    message, detail = decode_error(frames["error"].payload)
    check("error      status notFound, message", status_name(frames["error"].status) == "notFound"
          and message == 'unknown region code "330199"' and detail is None, repr((message, detail)))
    check("ping       opaque payload 01..08", frames["ping"].payload == bytes(range(1, 9)))
    pong = encode_frame(KIND["PONG"], request_id=9, payload=frames["ping"].payload)
    check("ping       PONG = same frame with kind 06", pong[:7] == fixture("ping")[:7] and pong[7] == 6
          and pong[24:] == fixture("ping")[24:] and decode_one(pong).kind == KIND["PONG"])
    check("cancel     empty payload", frames["cancel"].payload == b"")
    check("goaway     last id 42, reason", decode_goaway(frames["goaway"].payload) == (42, "shutting down"))
    inflated = payload_of(frames["compressed"])
    check("compressed inflates to 2000 bytes 'anlan '*333+'ok'", inflated == b"anlan " * 333 + b"ok")
    check("compressed generic rendering of the Sample",
          "'浙江'" in render_message(frames["request"].payload) and "as double: 1.5" in
          render_message(frames["request"].payload))

    # Encoding rules of the document.
    check("varint examples", [encode_varint(v).hex() for v in (0, 1, 127, 128, 300, 16384, 4194304, U64)] ==
          ["00", "01", "7f", "8001", "ac02", "808001", "80808002", "ffffffffffffffffff01"])
    check("zigzag table", [zigzag_encode(n) for n in (0, -1, 1, -2, 2, 63, -64, 64, (1 << 63) - 1, -(1 << 63))] ==
          [0, 1, 2, 3, 4, 126, 127, 128, U64 - 1, U64] and
          all(zigzag_decode(zigzag_encode(n)) == n for n in (0, -1, 1, -90, (1 << 63) - 1, -(1 << 63))))
    check("double little-endian", f_double(4, -0.25).hex() == "21000000000000d0bf")
    check("repeated string = field repeated", (f_string(7, "a") + f_string(7, "b")).hex() == "3a01613a0162")
    check("CRC-32 check value", zlib.crc32(b"123456789") == 0xCBF43926)
    unknown = f_uint(99, 12345) + f_string(1, "kept") + f_double(100, 3.0) + bytes([0xB5, 0x06, 1, 2, 3, 4]) \
        + f_uint(2, 7)
    sample, _ = decode_sample(unknown)
    check("unknown fields of every wire type are skipped", sample["text"] == "kept" and sample["count"] == 7)

    # Framing errors, in the receiver's order of checks.
    raises("bad magic rejected on byte 4", "badMagic", lambda: FrameDecoder().feed(b"GET /"))
    raises("length < 20 rejected", "frameTooShort", lambda: FrameDecoder().feed(b"\x00\x00\x00\x03AN\x01"))
    big = struct.pack(">IHBBBBHII", 100 << 20, 0x414E, 1, 2, 0, 0, 1, 11, 0) + b"\0\0\0\0"
    error = raises("oversize length rejected from the header alone", "frameTooLarge", lambda: FrameDecoder().feed(big))
    check("oversize error carries no request id (answered with id 0) and resourceExhausted",
          error is not None and error.request_id is None and error.status == ST_RESOURCE_EXHAUSTED)
    v2 = bytearray(fixture("cancel"))
    v2[6] = 2
    raises("version 2 rejected", "unsupportedVersion", lambda: FrameDecoder().feed(bytes(v2)))
    bad = bytearray(fixture("request"))
    bad[-1] ^= 1
    error = raises("CRC mismatch rejected", "checksumMismatch", lambda: FrameDecoder().feed(bytes(bad)))
    check("CRC error carries the request id", error is not None and error.request_id == 7)
    raises("truncated frame at end of stream", "truncated", lambda: decode_one(fixture("request")[:-3]))
    raises("frame over a configured limit", "frameTooLarge",
           lambda: FrameDecoder(max_frame_size=40).feed(fixture("hello")))

    # Compression limits.
    bomb = compress_payload(bytes(16 << 20), max_ratio=None)
    raises("zip bomb over the absolute cap", "compressionRejected", lambda: decompress_payload(bomb))
    ratio_bomb = compress_payload(bytes(1 << 20), max_ratio=None)
    raises("zip bomb over the 200:1 ratio", "compressionRejected", lambda: decompress_payload(ratio_bomb))
    check("same payload passes a 2000:1 ratio",
          len(decompress_payload(ratio_bomb, max_ratio=2000)) == 1 << 20)
    lying = struct.pack(">I", 1024) + compress_payload(bytes([7]) * 4096, max_ratio=None)[4:]
    raises("stream longer than declared", "compressionRejected", lambda: decompress_payload(lying))
    short = struct.pack(">I", 8192) + compress_payload(bytes([7]) * 4096)[4:]
    raises("stream shorter than declared", "compressionRejected", lambda: decompress_payload(short))
    good = fixture("compressed")[24:]
    raises("trailing bytes after the zlib stream", "compressionRejected", lambda: decompress_payload(good + b"\0"))
    raises("stream without its end", "compressionRejected", lambda: decompress_payload(good[:-4]))
    raises("payload shorter than 4 bytes", "compressionRejected", lambda: decompress_payload(b"\0\0"))

    # Payload errors and limits.
    raises("11-byte varint", "malformedPayload", lambda: parse_fields(bytes([0x10] + [0xFF] * 10 + [0x01])))
    raises("group wire type 3", "malformedPayload", lambda: parse_fields(b"\x0b"))
    raises("field number 0", "malformedPayload", lambda: parse_fields(b"\x00\x01"))
    raises("length beyond the payload", "malformedPayload", lambda: parse_fields(b"\x0a\x05a"))
    raises("invalid UTF-8", "malformedPayload", lambda: decode_sample(b"\x0a\x02\xc3\x28"))
    raises("wrong wire type for a known field", "malformedPayload", lambda: decode_sample(f_uint(1, 5)))
    raises("uint too wide for its field", "malformedPayload", lambda: decode_hello(f_uint(1, 256)))
    raises("field count across nesting levels", "limitExceeded",
           lambda: [as_message(f, c, 0) for c in [FieldCounter(2)]
                    for f in parse_fields(f_message(6, f_string(1, "n")) + f_string(7, "a"), c) if f[0] == 6])
    raises("depth limit", "limitExceeded", lambda: as_message((6, WT_LEN, b""), FieldCounter(), 32))

    print("selftest: %d passed, %d failed" % (results["passed"], results["failed"]))
    return 0 if results["failed"] == 0 else 1


def main():
    parser = argparse.ArgumentParser(description="Probe an Anlan node: HELLO, PING RTT, optional echo call.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("--echo", metavar="TEXT", help="call method 0x0002 with field 1 = the bytes of TEXT")
    parser.add_argument("--call", metavar="METHOD", help="call this method id (e.g. 0x0231) with the fields below")
    parser.add_argument("--string", action="append", metavar="N=TEXT", help="a string field for --call (repeatable)")
    parser.add_argument("--uint", action="append", metavar="N=V", help="an unsigned varint field for --call (repeatable)")
    parser.add_argument("--bool", action="append", metavar="N", help="a true bool field for --call (repeatable)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds for connect, handshake and PING (5)")
    parser.add_argument("--pki", default=os.environ.get("ANLAN_PKI"),
                        help="PKI directory: mutual TLS with the certificate named by --as (default: $ANLAN_PKI)")
    parser.add_argument("--token", default=os.environ.get("ANLAN_TOKEN"),
                        help="a person's signed token (or a file holding it), sent with the request (default: $ANLAN_TOKEN)")
    parser.add_argument("--as", dest="identity", default=os.environ.get("ANLAN_AS", "330000/duty-room"),
                        help="REGION/SERVICE whose certificate to present (default: $ANLAN_AS or 330000/duty-room)")
    parser.add_argument("--budget", type=int, default=10000, help="deadline budget of the echo call in ms (10000)")
    parser.add_argument("--unknown-kind", metavar="KIND", help="first send a frame of this undefined kind (e.g. 0x0a)")
    parser.add_argument("--unknown-id", type=int, default=0, help="the request id of --unknown-kind's frame (0)")
    parser.add_argument("--goaway-after-request", action="store_true",
                        help="send GOAWAY right after the request and wait (up to --timeout) for the server to close")
    parser.add_argument("--zip-bomb", action="store_true", help="send the --call's payload as a zip bomb (16 MiB of zeros)")
    parser.add_argument("--ping-flags", type=int, default=0, help="the PING's flags (0; the server ignores bit 0 on a PING)")
    parser.add_argument("--ping-id", type=int, help="the PING's id (default: the next request id; 0 is allowed)")
    parser.add_argument("--max-frame-size", type=int, default=DEFAULT_MAX_FRAME_SIZE,
                        help="the max_frame_size this client's HELLO announces (default 4 MiB; below 1,024 the server refuses it)")
    parser.add_argument("--selftest", action="store_true", help="check the codec against the golden fixtures")
    args = parser.parse_args()
    if args.selftest:
        return selftest()
    if args.port is None:
        parser.error("--port is required (or use --selftest)")
    try:
        return run(args)
    except (ProbeFailure, WireError, OSError) as error:
        print("probe failed: %s" % error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
