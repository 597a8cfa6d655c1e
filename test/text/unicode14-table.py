# Regenerates the table in src/text/unicode14.ts: the code points Unicode 14.0 assigns (Python 3.11's
# unicodedata is Unicode 14.0, as are glibc 2.36's width tables that tmux uses on Debian 12). Run:
#   python3.11 test/text/unicode14-table.py > /tmp/table.txt   and paste the string into unicode14.ts.
import unicodedata
import sys

assert unicodedata.unidata_version == '14.0.0', unicodedata.unidata_version
ranges = []
start = None
for cp in range(0x110000):
    assigned = unicodedata.category(chr(cp)) != 'Cn'
    if assigned and start is None:
        start = cp
    if not assigned and start is not None:
        ranges.append((start, cp - 1))
        start = None
if start is not None:
    ranges.append((start, 0x10FFFF))

def b36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    out = ''
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out

# each range as "gap since the previous range's end, length", base 36
parts = []
prev_end = -1
for s, e in ranges:
    parts.append(b36(s - prev_end - 1) + ',' + b36(e - s + 1))
    prev_end = e
sys.stdout.write(' '.join(parts) + '\n')
