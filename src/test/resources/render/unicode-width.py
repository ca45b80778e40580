#!/usr/bin/env python3
# Measures psql 15's display width of every code point U+00A0..U+10FFFF (surrogates excluded) and
# prints the ZERO_WIDTH / DOUBLE_WIDTH range tables of UnicodeWidth.java.
#   PGPASSWORD=postgres python3 unicode-width.py > tables.txt
# Each character is printed in an aligned column of width 10 (the header "vvvvvvvvvv") followed by
# a column 'x'; psql pads the value to 10 columns, so 10 - padding is the character's width.
import subprocess

cps = [i for i in range(0xA0, 0x110000) if not 0xD800 <= i <= 0xDFFF]
out = subprocess.run(
    ['psql', '-X', '-h', 'localhost', '-U', 'postgres', '-d', 'scratch', '-t', '-P', 'border=0', '-c',
     "select chr(i) as vvvvvvvvvv, 'x' from generate_series(160, 1114111) i where i not between 55296 and 57343"],
    capture_output=True, check=True).stdout.decode('utf-8')
width = {}
for cp, line in zip(cps, out.split('\n')):
    assert line.endswith(' x'), (cp, line)
    body = line[:-2]
    width[cp] = 10 - (len(body) - len(body.rstrip(' ')))

ranges = []
for cp in cps:
    w = width[cp]
    if w == 1:
        continue
    if ranges and ranges[-1][2] == w and ranges[-1][1] == cp - 1:
        ranges[-1][1] = cp
    else:
        ranges.append([cp, cp, w])

for name, w in (('ZERO_WIDTH', 0), ('DOUBLE_WIDTH', 2)):
    print('    private static final int[] %s = {' % name)
    row = '       '
    for a, b, _ in (r for r in ranges if r[2] == w):
        item = ' 0x%X, 0x%X,' % (a, b)
        if len(row) + len(item) > 110:
            print(row)
            row = '       '
        row += item
    print(row)
    print('    };')
