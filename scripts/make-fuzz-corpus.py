#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (Tests/Fuzz/Corpus/<target>/) from the golden frames, the shipped
CSV files and rows like the import tests', and zlib bombs made here. Each seed starts with the byte(s) its
target reads first (see Tests/Fuzz/*/Fuzz*.swift): a read size, a mode, a message type or an importer.

Usage: python3 scripts/make-fuzz-corpus.py   (rewrites Tests/Fuzz/Corpus)
"""
import glob
import os
import re
import shutil
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "Fuzz", "Corpus")
GOLDEN = os.path.join(ROOT, "Tests", "AnlanWireTests", "Fixtures")


def write(target, name, data):
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def golden():
    frames = {}
    for path in sorted(glob.glob(os.path.join(GOLDEN, "*.hex"))):
        with open(path) as f:
            frames[os.path.basename(path)[:-4]] = bytes.fromhex(f.read().strip())
    return frames


def frames_corpus(frames):
    """fuzz-frames: [read size] + stream. Each golden frame whole and byte by byte; all of them in one
    stream in reads of 7; and the ways a stream goes wrong (truncated, a flipped CRC bit, a bad magic,
    a length over the 4 MiB limit)."""
    for name, frame in frames.items():
        write("fuzz-frames", name, b"\x00" + frame)
    write("fuzz-frames", "hello-byte-by-byte", b"\x01" + frames["hello"])
    write("fuzz-frames", "all-in-reads-of-7", b"\x07" + b"".join(frames.values()))
    request = frames["request"]
    write("fuzz-frames", "request-truncated", b"\x00" + request[:-3])
    write("fuzz-frames", "request-bad-crc", b"\x00" + request[:20] + bytes([request[20] ^ 1]) + request[21:])
    write("fuzz-frames", "bad-magic", b"\x00" + request[:4] + b"HT" + request[6:])
    write("fuzz-frames", "too-large", b"\x00" + struct.pack(">I", 4 * 1024 * 1024) + request[4:])


def message_count():
    """How many messages `gateway schema` exports: the message types fuzz-payloads chooses among."""
    count = 0
    for path in glob.glob(os.path.join(ROOT, "docs", "schema", "anlan", "*.proto")):
        with open(path) as f:
            count += len(re.findall(r"^message ", f.read(), re.M))
    return count


def payloads_corpus(frames):
    """fuzz-payloads: [type index, u16 BE] + payload, for every type: the golden frames' uncompressed
    payloads in turn (HELLO, a request, an ERROR, a GOAWAY), and an empty one."""
    payloads = [frames[name][24:] for name in ("hello", "request", "response", "error", "goaway")] + [b""]
    for index in range(message_count()):
        write("fuzz-payloads", "type-%03d" % index, struct.pack(">H", index) + payloads[index % len(payloads)])


def decompression_corpus(frames):
    """fuzz-decompression: [mode] + bytes. Even modes inflate a compressed payload (size u32 BE + zlib):
    the golden one, and bombs and lies the receiver must refuse. Odd modes compress a payload and inflate
    it back."""
    def compressed(declared, stream):
        return b"\x00" + struct.pack(">I", declared) + stream

    golden_payload = frames["compressed"][24:]
    write("fuzz-decompression", "golden", b"\x00" + golden_payload)
    zeros = zlib.compress(b"\x00" * 4_194_280, 9)  # 4 MiB of zeros in about 4 KB: 1000:1
    write("fuzz-decompression", "bomb-over-ratio", compressed(4_194_280, zeros))
    write("fuzz-decompression", "bomb-over-size", compressed(0xFFFFFFFF, zeros))
    # 100,000 zeros in about 120 bytes, declared at the 200:1 cap: refused once that many bytes are out.
    small = zlib.compress(b"\x00" * 100_000, 9)
    write("fuzz-decompression", "bomb-at-ratio-cap", compressed(200 * (len(small)), small))
    text = b"anlan " * 333 + b"ok"
    stream = zlib.compress(text, 1)
    write("fuzz-decompression", "declares-less", compressed(len(text) - 1, stream))
    write("fuzz-decompression", "declares-more", compressed(len(text) + 1, stream))
    write("fuzz-decompression", "trailing-bytes", compressed(len(text), stream + b"\x00"))
    write("fuzz-decompression", "truncated-stream", compressed(len(text), stream[:-5]))
    write("fuzz-decompression", "bad-adler", compressed(len(text), stream[:-1] + bytes([stream[-1] ^ 1])))
    raw = zlib.compressobj(1, zlib.DEFLATED, -15)
    write("fuzz-decompression", "raw-deflate", compressed(len(text), raw.compress(text) + raw.flush()))
    gz = zlib.compressobj(1, zlib.DEFLATED, 31)
    write("fuzz-decompression", "gzip", compressed(len(text), gz.compress(text) + gz.flush()))
    write("fuzz-decompression", "shorter-than-size", b"\x00\x00\x07")
    write("fuzz-decompression", "roundtrip-text", b"\x01" + text)
    write("fuzz-decompression", "roundtrip-response", b"\x01" + frames["response"][24:] * 40)


# fuzz-csv-import: [importer] + file. The importer byte indexes CSVRowParser.all, in its order
# (Tests/Fuzz/CSVImport/CSVRowParser+Importers.swift): each service's kinds in their declared order.
CSV = [
    ("hazard-survey-points",
     "id,region,lat,lon,type,band,population,transfer,responsible,phone,surveyed_on,department\n"
     "P-1,330106002000,30.26,120.14,landslide,2,10,5,王伟,0571-87000000,2024-05-01,区自然资源局\n"
     "P-2,330106003000,30.24,120.10,debris-flow,I,,,李娜,13800000000,,\n"),
    ("hazard-survey-enterprises",
     "id,name,credit_code,region,sector,major_hazard_source,grade\n"
     "EN-1,杭州某化工有限公司,91330100799655058B,330106002000,hazardous-chemicals,yes,orange\n"),
    ("hazard-survey-hidden-hazards",
     "id,region,enterprise_id,location,description,category,major,discovered_on,discovered_by,supervising_tier,listed\n"
     "HH-1,330106002000,EN-1,仓库东侧,消防通道堵塞,fire,no,2024-05-01,区应急管理局,county,yes\n"),
    ("material-reserve-storage-points",
     "id,region,name,lat,lon,capacity,contact,phone,owner_tier\n"
     "XH-01,330106002000,北山街道物资点,30.26,120.14,5000,王伟,0571-1,township\n"
     "XH-02,330106,西湖区应急物资储备库,30.25,120.13,80000,李娜,0571-2,county\n"),
    ("material-reserve-stock",
     "point_id,item_code,status,expires_on,quantity\n"
     "XH-01,2030101,good,2026-12-10,300\nXH-02,1010101,damaged,,7\n"),
    ("material-reserve-region-profiles",
     "region,risk_level,responsible_persons,disaster_prone_villages\n330106,high,0,0\n330106002000,,12,3\n"),
    ("aviation-landing-points-points",
     "id,name,region,lat,lon,kind,length_m,width_m,surface,night_lighting,largest_class,year_built,status\n"
     "L-1,西湖起降点,330106002000,30.26,120.14,temporary-field,40,30,grass,none,light,2019,available\n"),
    ("aviation-landing-points-ourairports", None),  # the shipped OurAirports file, below
    ("training-records-people",
     "id,name,national_id,role,region,village,employer,high_risk,joined_on\n"
     "P1,王伟,110105194912310029,cadre,330106002000,,西湖区应急管理局,no,2024-05-01\n"
     "P3,张三,110105194912310021,pilot,330106002000,北山村,,,2024-05-01\n"),
    ("training-records-attendance", "person_id,session_id,hours,score\nP1,S,8,90\nP2,S,,70\n"),
    ("evacuation-people",
     "transfer_code,name,national_id,region_code,village,hazard_points,risk_kind,needs\n"
     ",村民0,330106197001010003,330106002000,龙井村,P-1;P-2,geological,\n"),
    ("evacuation-shelters",
     "id,region_code,name,latitude,longitude,kind,capacity,closed\n"
     "SH-1,330106002000,北山小学,30.26,120.14,school,300,no\n"),
    ("emergency-response-teams",
     "id,name,kind,specialties,headcount,equipment,latitude,longitude,region_code,readiness\n"
     "T-1,北山蓝天救援队,social,flood-water;medical,10,pump:2;hovercraft:1,30.26,120.14,330106,standby\n"),
    ("emergency-response-equipment", "code,name,unit\nhovercraft,气垫船,艘\npump,排涝泵,台\n,无代码,台\n"),
]


def csv_corpus():
    heliports = os.path.join(ROOT, "Services", "AviationLanding", "AviationLandingService", "Resources",
                             "heliports-china.csv")
    with open(heliports, "rb") as f:
        ourairports = b"".join(f.readlines()[:25])
    for index, (name, text) in enumerate(CSV):
        data = ourairports if text is None else text.encode()
        write("fuzz-csv-import", name, bytes([index]) + data)
        # The same file with a byte-order mark, CRLF line ends and a quoted field, as spreadsheets write.
        crlf = data.replace(b"\n", b"\r\n").replace(b",", b',"', 1).replace(b"\r\n", b'"\r\n', 1)
        write("fuzz-csv-import", name + "-excel", bytes([index]) + b"\xef\xbb\xbf" + crlf)


def regions_corpus():
    """fuzz-regions: [mode] + text. Even: codes in every form `canonicalCode` accepts, and near misses.
    Odd: region data files, the shipped one's first lines."""
    codes = ["330000", "330100", "330106", "330106002000", "330106002", "330100000000", "330106002001",
             "33010600200", "３３０１００", "", "999999"]
    for i, code in enumerate(codes):
        write("fuzz-regions", "code-%02d" % i, b"\x00" + code.encode())
    with open(os.path.join(ROOT, "Shared", "AnlanRegions", "Resources", "zhejiang-divisions.csv"), "rb") as f:
        lines = f.readlines()
    province_and_hangzhou = [line for line in lines if line.startswith((b"code,", b"330000", b"330100", b"330106"))]
    write("fuzz-regions", "divisions-hangzhou", b"\x01" + b"".join(province_and_hangzhou)[:8000])
    write("fuzz-regions", "divisions-crlf", b"\x01" + b"".join(lines[:12]).replace(b"\n", b"\r\n"))


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    frames = golden()
    frames_corpus(frames)
    payloads_corpus(frames)
    decompression_corpus(frames)
    csv_corpus()
    regions_corpus()
    for target in sorted(os.listdir(OUT)):
        files = os.listdir(os.path.join(OUT, target))
        size = sum(os.path.getsize(os.path.join(OUT, target, f)) for f in files)
        print("%-20s %4d seeds %7d bytes" % (target, len(files), size))


if __name__ == "__main__":
    main()
