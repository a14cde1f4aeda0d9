#!/usr/bin/env python3
"""Derives merkle.json independently of the Java code, with python3 hashlib only.

Leaf canonical bytes: b"hexproof-leaf-v1" || hotspot (33) || owner (33) || beacon, witness,
data transfer as big-endian u64. Keys are tag 0x00 (mainnet, ecc_compact: opaque bytes, no curve
check) followed by SHA-256 of an ASCII label, so anyone can rebuild them.
Tree: RFC 6962 section 2.1 by its recursive definition (MTH and PATH, split at the largest power
of two below n), over leaves sorted by the unsigned bytes of the 33-byte hotspot key.
Run: python3 merkle.py > merkle.json
"""
import hashlib
import json
import struct


def sha256(data):
    return hashlib.sha256(data).digest()


def key(label):
    return b"\x00" + sha256(label.encode("ascii"))


def leaf_bytes(leaf):
    return (b"hexproof-leaf-v1" + leaf["hotspot"] + leaf["owner"]
            + struct.pack(">QQQ", leaf["beacon"], leaf["witness"], leaf["dataTransfer"]))


def largest_power_of_two_below(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if len(d) == 0:
        return sha256(b"")
    if len(d) == 1:
        return sha256(b"\x00" + d[0])
    k = largest_power_of_two_below(len(d))
    return sha256(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m, d):
    if len(d) <= 1:
        return []
    k = largest_power_of_two_below(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def case(n, description):
    leaves = []
    for i in range(n):
        leaves.append({
            "hotspot": key("hotspot-%d" % i),
            "owner": key("owner-%d" % (i % 2)),
            "beacon": 1000 * i + 1,
            "witness": 250 * i,
            "dataTransfer": (1 << 40) + i if i % 2 else 0,
        })
    leaves.reverse()  # input order differs from canonical order
    canonical = sorted(leaves, key=lambda leaf: leaf["hotspot"])
    data = [leaf_bytes(leaf) for leaf in canonical]
    return {
        "description": description,
        "leaves": [{
            "hotspot": leaf["hotspot"].hex(), "owner": leaf["owner"].hex(),
            "beacon": leaf["beacon"], "witness": leaf["witness"],
            "dataTransfer": leaf["dataTransfer"],
        } for leaf in leaves],
        "canonicalHotspots": [leaf["hotspot"].hex() for leaf in canonical],
        "canonicalLeafBytes": [b.hex() for b in data],
        "leafHashes": [sha256(b"\x00" + b).hex() for b in data],
        "root": mth(data).hex(),
        "paths": [[p.hex() for p in path(m, data)] for m in range(n)],
    }


doc = {
    "description": "RFC 6962 Merkle Tree Hash and audit paths over RewardLeaf canonical bytes,"
                   " computed with python3 hashlib by merkle.py (recursive MTH/PATH definition,"
                   " independent of the Java code). leaves are in input order; canonicalHotspots,"
                   " canonicalLeafBytes, leafHashes and paths are in canonical order.",
    "vectors": [
        case(0, "empty tree: root is SHA-256 of the empty string"),
        case(1, "one leaf: root is the leaf hash, empty path"),
        case(2, "two leaves: root is H(0x01 || leaf0 || leaf1)"),
        case(3, "three leaves: split 2 + 1, the third leaf is carried up unpaired"),
        case(5, "five leaves: split 4 + 1"),
        case(7, "seven leaves: split 4 + 3"),
    ],
}
print(json.dumps(doc, indent=2))
