#!/usr/bin/python3
# check-data-l10n.py — the built desktop file and metainfo speak Vietnamese.
#
#   check-data-l10n.py LANG DESKTOP METAINFO
#
# i18n.merge_file writes the translations into the files that are
# installed. This checks the result, not the catalogue: the desktop file
# has Name, GenericName, Comment and Keywords in LANG, and every
# translatable element of the metainfo (name, summary, paragraphs and
# items, captions, keywords, release notes) is followed by its LANG
# version. It fails on a string that was added but not translated, and on
# a build that merged no translation at all.
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import sys
import xml.etree.ElementTree as ET

DESKTOP_KEYS = ('Name', 'GenericName', 'Comment', 'Keywords')
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

# Elements whose text AppStream's ITS rules send to translators, by parent.
TRANSLATED = {
    'component': ('name', 'summary', 'developer_name'),
    'description': ('p',),
    'ul': ('li',),
    'ol': ('li',),
    'screenshot': ('caption',),
    'keywords': ('keyword',),
}


def check_desktop(path, lang):
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    entry = parser['Desktop Entry']
    problems = []
    for key in DESKTOP_KEYS:
        if key not in entry:
            continue
        if f'{key}[{lang}]' not in entry:
            problems.append(f'{path}: no {key}[{lang}]')
    return problems


def untranslated(parent, lang):
    """The translatable children of @parent with no @lang sibling after them."""
    wanted = TRANSLATED.get(parent.tag, ())
    children = list(parent)
    missing = []
    for i, child in enumerate(children):
        if child.tag not in wanted or XML_LANG in child.attrib:
            continue
        if child.get('translate') == 'no':
            continue
        following = children[i + 1] if i + 1 < len(children) else None
        if (following is None or following.tag != child.tag
                or following.get(XML_LANG) != lang):
            missing.append(child)
    return missing


def check_metainfo(path, lang):
    root = ET.parse(path).getroot()
    problems = []
    for parent in root.iter():
        for child in untranslated(parent, lang):
            text = ' '.join(''.join(child.itertext()).split())
            problems.append(f'{path}: <{child.tag}> “{text}” has no xml:lang="{lang}" version')
    if not any(el.get(XML_LANG) == lang for el in root.iter()):
        problems.append(f'{path}: nothing in xml:lang="{lang}"')
    return problems


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: check-data-l10n.py LANG DESKTOP METAINFO')
    lang, desktop, metainfo = sys.argv[1:]
    problems = check_desktop(desktop, lang) + check_metainfo(metainfo, lang)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
