#!/usr/bin/python3
# check-flatpak.py — the Flatpak manifest builds what this meson build is.
#
#   check-flatpak.py MANIFEST APP_ID COMMAND PROJECT INTRO_DEPENDENCIES
#
# Offline, without a runtime: the manifest's id is the app id of the build,
# its command is the installed binary, its last module is this project
# built with meson, and every library the build uses (meson-info's
# intro-dependencies.json) comes from the GNOME runtime or from a module
# before ours. It also keeps the sandbox as promised in the README: no
# network, no files but through the portal (and, read-only, the host
# speech-dispatcher's socket for read-aloud), and every source pinned.
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

# What org.gnome.Platform ships, by pkg-config name (GNOME's sdk-platform
# stack on top of the freedesktop platform, which brings sqlite).
RUNTIME = {
    'cairo', 'cairo-pdf', 'gdk-pixbuf-2.0', 'gio-2.0', 'glib-2.0', 'gobject-2.0',
    'gtk4', 'json-glib-1.0', 'libadwaita-1', 'librsvg-2.0', 'pango', 'pangocairo',
    'sqlite3',
}

# Used only by tests, as optional dependencies: a build without them
# skips the checks that need them, and the Flatpak runs no tests.
# (poppler-glib reads the report's PDF back; xtst and x11 press real keys.)
TEST_ONLY = {'poppler-glib', 'x11', 'xtst'}

# What the runtime lacks, and the module of the manifest that builds it.
MODULES = {
    'libcmark': 'cmark',
    'yaml-0.1': 'libyaml',
    'libsodium': 'libsodium',
    'speech-dispatcher': 'libspeechd',
}

# Libraries behind a meson feature option: the Flatpak may build the
# feature (a module, as above) or turn it off in our module's config-opts.
FEATURES = {
    'speech-dispatcher': 'speech',
}

FORBIDDEN_FINISH_ARGS = (
    '--share=network',   # the app works offline and sends nothing
    '--filesystem=',     # reports are saved through the file-chooser portal
    '--socket=x11',      # fallback-x11 only
    '--device=all',
)

# The one folder the sandbox may see: the host speech-dispatcher's socket,
# read-only, for read-aloud (the way the Firefox Flatpak reaches it). It
# holds the socket, a pid file and logs, nothing of the user's.
ALLOWED_FINISH_ARGS = (
    '--filesystem=xdg-run/speech-dispatcher:ro',
)


def check_identity(manifest, app_id, command, project):
    problems = []
    found_id = manifest.get('id', manifest.get('app-id'))
    if found_id != app_id:
        problems.append(f'id is “{found_id}”, the build installs {app_id}')
    if manifest.get('command') != command:
        problems.append(f'command is “{manifest.get("command")}”, the build installs {command}')
    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    if not isinstance(last, dict) or last.get('name') != project:
        problems.append(f'the last module must be {project}, the project itself')
    elif last.get('buildsystem') != 'meson':
        problems.append(f'module {project}: buildsystem must be meson')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    return problems


def feature_disabled(module, option):
    opts = module.get('config-opts', [])
    return any(o in opts for o in (f'-D{option}=disabled', f'-D{option}=false'))


def check_dependencies(manifest, project, dependencies):
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    ours = modules[-1] if modules else {}
    problems = []
    for dep in dependencies:
        if dep in RUNTIME or dep in TEST_ONLY:
            continue
        module = MODULES.get(dep)
        option = FEATURES.get(dep)
        if module is not None and module in names[:-1]:
            continue
        if option is not None and feature_disabled(ours, option):
            continue
        if module is not None:
            problems.append(f'{dep}: the build uses it and the runtime lacks it: '
                            f'add the module “{module}” before {project}')
        elif option is not None:
            problems.append(f'{dep}: the build uses it and the runtime lacks it: add a module '
                            f'for it (and to MODULES here), or -D{option}=disabled to {project}')
        else:
            problems.append(f'{dep}: the build uses it: say in build-aux/check-flatpak.py '
                            'whether the GNOME runtime ships it (RUNTIME) or which module '
                            'builds it (MODULES)')
    return problems


def check_speech(manifest, dependencies):
    """Read-aloud built in needs the host daemon's socket: the sandbox
    cannot start speech-dispatcher itself."""
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    ours = modules[-1] if modules else {}
    if 'speech-dispatcher' not in dependencies or feature_disabled(ours, 'speech'):
        return []
    if ALLOWED_FINISH_ARGS[0] not in manifest.get('finish-args', []):
        return [f'read-aloud is built in: finish-args needs {ALLOWED_FINISH_ARGS[0]}, '
                'or the voice is never reached']
    return []


def check_sandbox(manifest):
    problems = []
    for arg in manifest.get('finish-args', []):
        if arg.startswith(FORBIDDEN_FINISH_ARGS) and arg not in ALLOWED_FINISH_ARGS:
            problems.append(f'finish-args: {arg} is not allowed (see build-aux/check-flatpak.py)')
    for module in manifest.get('modules', []):
        if not isinstance(module, dict):
            problems.append('modules: write each module inline, so this check sees it')
            continue
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind in ('archive', 'file') and 'sha256' not in source:
                problems.append(f'module {module.get("name")}: {source.get("url")} has no sha256')
            if kind == 'git' and not ('tag' in source and 'commit' in source):
                problems.append(f'module {module.get("name")}: pin {source.get("url")} '
                                'by tag and commit')
    return problems


def main():
    if len(sys.argv) != 6:
        sys.exit('usage: check-flatpak.py MANIFEST APP_ID COMMAND PROJECT INTRO_DEPENDENCIES')
    path, app_id, command, project, intro = sys.argv[1:]
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    with open(intro, encoding='utf-8') as f:
        dependencies = sorted({d['name'] for d in json.load(f)})

    problems = (check_identity(manifest, app_id, command, project)
                + check_dependencies(manifest, project, dependencies)
                + check_speech(manifest, dependencies)
                + check_sandbox(manifest))
    for p in problems:
        print(f'{path}: {p}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
