#!/usr/bin/env python3
"""Draws CertBot's Teams icons (a medal with a check mark) as PNGs using only the standard library.

color.png   192x192: gold medal, white check and ribbons on a solid accent-blue square, symbol ~96 px.
outline.png  32x32: the same symbol in white on a fully transparent background, no padding.

Usage: python3 manifest/icons/make-icons.py [output-dir]   (default: the manifest folder)
The output is deterministic, so re-running it on an unchanged script leaves the committed PNGs unchanged.
"""
import math
import os
import struct
import sys
import zlib

ACCENT = (0x2B, 0x5F, 0xD9)   # keep in sync with accentColor in manifest.json
GOLD = (0xF5, 0xB4, 0x00)
WHITE = (0xFF, 0xFF, 0xFF)
SUBSAMPLES = 4                # per axis; coverage-based anti-aliasing


def png_bytes(width, height, rgba_rows):
    """Encodes rows of (r, g, b, a) tuples as an 8-bit RGBA PNG."""
    raw = bytearray()
    for row in rgba_rows:
        raw.append(0)  # filter type: none
        for r, g, b, a in row:
            raw += bytes((r, g, b, a))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def inside_polygon(x, y, points):
    inside = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def distance_to_segment(x, y, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


# The symbol in unit coordinates (0..1 across the symbol box, y down).
DISC_CENTER = (0.5, 0.37)
DISC_RADIUS = 0.37
RING_INNER = 0.27            # outline only: the disc becomes a ring so the check reads at 32 px
GAP = 0.05                   # background gap between disc and ribbons
LEFT_RIBBON = [(0.22, 0.62), (0.44, 0.74), (0.34, 1.0), (0.245, 0.90), (0.12, 0.93)]
RIGHT_RIBBON = [(1.0 - x, y) for x, y in LEFT_RIBBON]
CHECK = [(0.33, 0.38), (0.45, 0.50), (0.68, 0.25)]
CHECK_HALF_WIDTH = 0.055


def symbol_part(u, v, outline):
    """Returns which part of the symbol covers unit point (u, v): 'ribbon', 'disc', 'check' or None."""
    d = math.hypot(u - DISC_CENTER[0], v - DISC_CENTER[1])
    on_check = min(distance_to_segment(u, v, CHECK[0], CHECK[1]),
                   distance_to_segment(u, v, CHECK[1], CHECK[2])) <= CHECK_HALF_WIDTH
    if d <= DISC_RADIUS:
        if on_check:
            return "check"
        if outline and d < RING_INNER:
            return None
        return "disc"
    if d <= DISC_RADIUS + GAP:
        return None
    if inside_polygon(u, v, LEFT_RIBBON) or inside_polygon(u, v, RIGHT_RIBBON):
        return "ribbon"
    return None


def render(size, symbol_box, outline):
    offset = (size - symbol_box) / 2.0
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            counts = {}
            for sy in range(SUBSAMPLES):
                for sx in range(SUBSAMPLES):
                    u = (px + (sx + 0.5) / SUBSAMPLES - offset) / symbol_box
                    v = (py + (sy + 0.5) / SUBSAMPLES - offset) / symbol_box
                    part = symbol_part(u, v, outline)
                    counts[part] = counts.get(part, 0) + 1
            total = SUBSAMPLES * SUBSAMPLES
            if outline:
                covered = total - counts.get(None, 0)
                alpha = round(255 * covered / total)
                # Fully transparent pixels are (0,0,0,0); everything else is pure white.
                row.append((255, 255, 255, alpha) if alpha else (0, 0, 0, 0))
            else:
                colours = {None: ACCENT, "disc": GOLD, "check": WHITE, "ribbon": WHITE}
                mixed = [0.0, 0.0, 0.0]
                for part, n in counts.items():
                    for c in range(3):
                        mixed[c] += colours[part][c] * n / total
                row.append((round(mixed[0]), round(mixed[1]), round(mixed[2]), 255))
        rows.append(row)
    return rows


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(out_dir, "color.png"), "wb") as f:
        f.write(png_bytes(192, 192, render(192, 96, outline=False)))
    with open(os.path.join(out_dir, "outline.png"), "wb") as f:
        f.write(png_bytes(32, 32, render(32, 32, outline=True)))


if __name__ == "__main__":
    main()
