#!/usr/bin/python3
# check-spelling.py — every Vietnamese word of the lessons, quizzes and help
# page must be known to hunspell's vi_VN dictionary (Debian's hunspell-vi).
#
#   check-spelling.py CONTENT_DIR ALLOWLIST
#
# Prints FILE:LINE: unknown word “X” and exits 1 when there is any.
#
# What is checked: the text a child reads (body, quiz, scenario, title,
# summary, objectives, topics, verify). What is not: code spans, link
# targets, picture paths, scene ids ("## Title {#id}", "## id"), sources
# (they cite documents as written), words with digits, and acronyms in
# capitals (THCS, OTP), which are not words.
#
# Tone marks: the Ministry of Education writes "hóa, khóa, thúy"; the
# dictionary prefers "hoá, khoá, thuý". A word passes when either
# placement is known, so authors keep the Ministry's style (CONTENT-BRIEF §8).
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import unicodedata

CHECKED_KEYS = ('title', 'summary', 'objectives', 'topics', 'verify')
# A token is letters and digits together, so that "8B" or "5656" is one
# token, skipped for its digits, rather than a stray "B".
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

# Old-style (Ministry) ↔ new-style tone placement on oa, oe, uy.
TONES = {'\u0301', '\u0300', '\u0309', '\u0303', '\u0323'}


def move_tone(word):
    """The same word with the tone mark on the other vowel of oa/oe/uy, or None."""
    decomposed = unicodedata.normalize('NFD', word)
    chars = list(decomposed)
    for i, c in enumerate(chars):
        if c not in TONES or i == 0:
            continue
        base_index = i - 1
        base = chars[base_index].lower()
        rest = ''.join(chars[i + 1:]).lower()
        before = chars[base_index - 1].lower() if base_index > 0 else ''
        # hóa → hoá: tone on o/u moves to the next vowel (a, e, y)
        if base in 'ou' and rest[:1] in ('a', 'e', 'y') and not rest[1:2].isalpha():
            moved = chars[:i] + [chars[i + 1], c] + chars[i + 2:]
            return unicodedata.normalize('NFC', ''.join(moved))
        # hoá → hóa: tone on a/e/y moves back onto o/u
        if base in 'aey' and before in ('o', 'u') and not rest[:1].isalpha():
            moved = chars[:base_index] + [c, chars[base_index]] + chars[i + 1:]
            return unicodedata.normalize('NFC', ''.join(moved))
    return None


def strip_markdown(line):
    line = re.sub(r'^(\s*[-*+]\s+)\[[ xX]\]', r'\1', line)  # quiz option marks
    line = re.sub(r'`[^`]*`', ' ', line)                    # code spans
    line = re.sub(r'!\[([^\]]*)\]\([^)]*\)', r'\1', line)   # pictures: keep the description
    line = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', line)    # links: keep the text
    line = re.sub(r'\{#[^}]*\}', ' ', line)                  # scene ids: ## Title {#id}
    line = re.sub(r'^##\s+[a-z0-9-]+\s*$', ' ', line)        # a scene heading that is only its id
    line = re.sub(r'https?://\S+|\b[\w.-]+\.(?:vn|com|org|net)\b\S*', ' ', line)  # addresses
    return line


def lines_to_check(path):
    """Yields (line number, text) of what a reader sees."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    start = 0
    if lines and lines[0].strip() == '---':
        key = None
        for n in range(1, len(lines)):
            text = lines[n]
            if text.strip() == '---':
                start = n + 1
                break
            m = re.match(r'^([a-z_]+):(.*)$', text)
            if m:
                key = m.group(1)
                text = m.group(2)
            if key in CHECKED_KEYS:
                yield n + 1, strip_markdown(text)
    in_code = False
    for n in range(start, len(lines)):
        text = lines[n]
        if text.lstrip().startswith('```'):
            in_code = not in_code
            continue
        if not in_code:
            yield n + 1, strip_markdown(text)


def is_acronym(word):
    return len(word) >= 2 and word.upper() == word


def unknown(words):
    if not words:
        return set()
    out = subprocess.run(['hunspell', '-d', 'vi_VN', '-l'], input='\n'.join(words),
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: check-spelling.py CONTENT_DIR ALLOWLIST')
    content, allowlist_path = sys.argv[1], sys.argv[2]

    allow = set()
    with open(allowlist_path, encoding='utf-8') as f:
        for line in f:
            word = line.split('#', 1)[0].strip()
            if word:
                allow.add(word)

    occurrences = []
    for dirpath, _, names in sorted(os.walk(content)):
        for name in sorted(names):
            if not name.endswith('.md') or name == 'README.md':
                continue
            path = os.path.join(dirpath, name)
            for lineno, text in lines_to_check(path):
                for word in TOKEN.findall(text):
                    word = word.replace('’', "'")
                    # A sentence may start with an allowed word: "Video…"
                    if (any(c.isdigit() for c in word) or is_acronym(word) or
                            word in allow or word.lower() in allow):
                        continue
                    occurrences.append((path, lineno, word))

    candidates = sorted({w for _, _, w in occurrences})
    bad = unknown(candidates)
    # Lower-case forms: a capitalised sentence start is the same word.
    bad &= unknown(sorted(bad)) if bad else set()
    retry = {w: move_tone(w) for w in bad}
    known_moved = set(w for w in retry.values() if w) - unknown(sorted(w for w in retry.values() if w))
    bad = {w for w in bad if retry[w] not in known_moved}

    reported = 0
    for path, lineno, word in occurrences:
        if word in bad:
            print(f'{path}:{lineno}: unknown word “{word}”')
            reported += 1
    if reported:
        print(f'{reported} unknown words; fix them, or add a brand name or term to '
              f'{allowlist_path} with a reason')
    sys.exit(1 if reported else 0)


if __name__ == '__main__':
    main()
