#!/usr/bin/python3
# check-screenshots.py — every screenshot of the metainfo is in the tree.
#
#   check-screenshots.py METAINFO SCREENSHOT_DIR
#
# Software centres fetch the screenshots from the repository's main branch
# (URL_PREFIX below). Each <image> must name a PNG of SCREENSHOT_DIR whose
# size is the width and height the metainfo announces, and each PNG of
# SCREENSHOT_DIR must be shown.
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import struct
import sys
import xml.etree.ElementTree as ET

URL_PREFIX = 'https://raw.githubusercontent.com/kynangso/kynangso/main/data/screenshots/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: check-screenshots.py METAINFO SCREENSHOT_DIR')
    metainfo, folder = sys.argv[1:]
    problems = []
    shown = set()
    for image in ET.parse(metainfo).getroot().iter('image'):
        url = (image.text or '').strip()
        if not url.startswith(URL_PREFIX):
            problems.append(f'{url}: screenshots live at {URL_PREFIX}')
            continue
        name = url[len(URL_PREFIX):]
        shown.add(name)
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            problems.append(f'{url}: no {path}')
            continue
        size = png_size(path)
        announced = (int(image.get('width', 0)), int(image.get('height', 0)))
        if size != announced:
            problems.append(f'{path}: is {size}, the metainfo says {announced}')
    for name in sorted(set(os.listdir(folder)) - shown):
        problems.append(f'{os.path.join(folder, name)}: not in the metainfo')
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
