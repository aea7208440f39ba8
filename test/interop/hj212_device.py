#!/usr/bin/env python3
"""An HJ 212-2017 field unit written independently of the platform's TypeScript codec, from the standard's
text (frame: "##" + 4-digit byte length + segment + 4-hex CRC + CRLF; the "ANSI CRC16" of the segment with
crc = (crc >> 8) ^ byte, then 8 shifts with 0xA001). It connects to a listener, uploads minute data with
Flag A=1 and checks each 9014 reply: frame length, CRC, CN, QN. Prints one JSON line with what it saw.

usage: hj212_device.py HOST PORT MN PW COUNT
"""
import json
import socket
import sys
from datetime import datetime, timedelta, timezone


def crc16(data: bytes) -> int:
    crc = 0xFFFF
    for b in data:
        crc = (crc >> 8) ^ b
        for _ in range(8):
            lsb = crc & 1
            crc >>= 1
            if lsb:
                crc ^= 0xA001
    return crc


# The check values the standard's digest gives (MODBUS would give 4B37 for "123456789").
assert crc16(b"123456789") == 0x2F80, hex(crc16(b"123456789"))
assert crc16(b"") == 0xFFFF


def frame(segment: str) -> bytes:
    body = segment.encode("utf-8")
    return b"##" + b"%04d" % len(body) + body + b"%04X" % crc16(body) + b"\r\n"


def read_frame(sock: socket.socket, buf: bytearray) -> bytes:
    while b"\r\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("listener closed the connection")
        buf.extend(chunk)
    end = buf.index(b"\r\n")
    out = bytes(buf[:end])
    del buf[: end + 2]
    return out


def check_reply(raw: bytes) -> dict:
    assert raw.startswith(b"##"), raw
    length = int(raw[2:6])
    segment, crc = raw[6 : 6 + length], raw[6 + length :]
    assert len(segment) == length and len(crc) == 4, raw
    assert int(crc, 16) == crc16(segment), f"bad CRC in reply {raw!r}"
    fields = dict(kv.split("=", 1) for kv in segment.decode("utf-8").split(";CP=")[0].split(";"))
    return fields


def main() -> None:
    host, port, mn, pw, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    cst = timezone(timedelta(hours=8))
    start = datetime.now(cst).replace(second=0, microsecond=0) - timedelta(minutes=count)
    acked = []
    with socket.create_connection((host, port), timeout=10) as sock:
        buf = bytearray()
        for i in range(count):
            t = start + timedelta(minutes=i)
            qn = t.strftime("%Y%m%d%H%M%S") + "%03d" % i
            cp = f"DataTime={t.strftime('%Y%m%d%H%M%S')};e10001-Cou={1.5 + i},e10001-Flag=N"
            sock.sendall(frame(f"QN={qn};ST=31;CN=2051;PW={pw};MN={mn};Flag=5;CP=&&{cp}&&"))
            reply = check_reply(read_frame(sock, buf))
            assert reply.get("CN") == "9014" and reply.get("QN") == qn and reply.get("MN") == mn, reply
            acked.append(qn)
    print(json.dumps({"sent": count, "acked": len(acked), "first": start.isoformat()}))


if __name__ == "__main__":
    main()
