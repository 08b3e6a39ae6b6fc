#!/usr/bin/python3
# check-setup.py SOURCE_ROOT — the README's app command installs what
# read-aloud needs.
#
# "bash build-aux/setup.sh app" is how the README has a new user install
# the app. Read-aloud ("Đọc cho em nghe") only shows where speech-dispatcher
# answers with a Vietnamese voice: the daemon, its espeak-ng module (only
# recommended by the daemon, and setup.sh installs without recommends) and
# espeak-ng, whose data has the Vietnamese voices.
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

NEEDED = ('speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng')


def main():
    root = sys.argv[1]
    listed = subprocess.run(['bash', f'{root}/build-aux/setup.sh', 'packages', 'app'],
                            capture_output=True, text=True, check=True).stdout.split()
    missing = [p for p in NEEDED if p not in listed]
    for p in missing:
        print(f'build-aux/setup.sh app does not install {p}: read-aloud would stay hidden')
    sys.exit(1 if missing else 0)


if __name__ == '__main__':
    main()
