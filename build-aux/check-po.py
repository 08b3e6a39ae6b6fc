#!/usr/bin/python3
# check-po.py — keeps translations honest.
#
#   check-po.py potfiles SRCDIR      every file with translatable strings is
#                                    listed in po/POTFILES.in, sorted, and
#                                    every listed file exists
#   check-po.py translations SRCDIR  po/vi.po translates every string the
#                                    sources have today: none missing,
#                                    none fuzzy, formats consistent
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

C_MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_MARKER = re.compile(r'translatable="yes"')
DATA_SUFFIXES = ('.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml')

# The glib preset of meson's i18n.gettext, so the check sees what the
# translators' template sees.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=kns_diagnose:5:c-format',
]


def listed_files(srcdir):
    with open(os.path.join(srcdir, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith('#')]


def has_strings(path):
    if path.endswith(DATA_SUFFIXES):
        return True
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.ui'):
        return bool(UI_MARKER.search(text))
    return bool(C_MARKERS.search(text))


def check_potfiles(srcdir):
    listed = listed_files(srcdir)
    problems = []

    found = []
    for top in ('app', 'data'):
        for dirpath, _, names in os.walk(os.path.join(srcdir, top)):
            for name in names:
                if not name.endswith(('.c', '.ui') + DATA_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                if has_strings(path):
                    found.append(os.path.relpath(path, srcdir))

    for rel in sorted(set(found) - set(listed)):
        problems.append(f'{rel}: has translatable strings but is not in po/POTFILES.in')
    for rel in listed:
        if not os.path.exists(os.path.join(srcdir, rel)):
            problems.append(f'po/POTFILES.in: lists {rel}, which does not exist')
        elif rel not in found:
            problems.append(f'po/POTFILES.in: lists {rel}, which has no translatable strings')
    if listed != sorted(listed):
        problems.append('po/POTFILES.in: keep the list sorted')
    return problems


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def entries(po_text):
    """Counts msgid entries (without the header) in a PO text."""
    return len([m for m in re.finditer(r'^msgid ', po_text, re.M)]) - 1 if po_text.strip() else 0


def check_translations(srcdir):
    problems = []
    po = os.path.join(srcdir, 'po', 'vi.po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'kynangso.pot')
        merged = os.path.join(tmp, 'merged.po')
        run(['xgettext', *XGETTEXT_ARGS, '--directory', srcdir,
             '--files-from', os.path.join(srcdir, 'po', 'POTFILES.in'), '-o', pot])
        run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])

        untranslated = run(['msgattrib', '--untranslated', '--no-obsolete', merged]).stdout
        for m in re.finditer(r'^msgid "(.*)"$', untranslated, re.M):
            if m.group(1):
                problems.append(f'po/vi.po: not translated: "{m.group(1)}"')
        if entries(untranslated) > 0 and not problems:
            problems.append(f'po/vi.po: {entries(untranslated)} strings are not translated')

        fuzzy = run(['msgattrib', '--only-fuzzy', '--no-obsolete', po]).stdout
        if entries(fuzzy) > 0:
            problems.append(f'po/vi.po: {entries(fuzzy)} fuzzy entries; review them and remove "#, fuzzy"')

        check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po],
                               capture_output=True, text=True)
        if check.returncode != 0:
            problems.append('po/vi.po: ' + check.stderr.strip())
    return problems


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('potfiles', 'translations'):
        sys.exit('usage: check-po.py potfiles|translations SRCDIR')
    mode, srcdir = sys.argv[1], sys.argv[2]
    problems = check_potfiles(srcdir) if mode == 'potfiles' else check_translations(srcdir)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
