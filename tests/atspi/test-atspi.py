#!/usr/bin/python3
# test-atspi.py — what a blind child meets, through the screen-reader API
#
# Copyright 2026 The Kỹ năng số authors
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real app with accessibility on and drives it the way Orca
# does, through AT-SPI only: finds controls by role and name (in
# Vietnamese, as a child here hears them), presses them with their
# actions, types with the editable-text interface and moves with Tab.
# A teacher sets the lab up; a new pupil signs in, opens a lesson, takes
# its quiz and hears whether each answer was right. On every screen the
# whole tree is walked: a control or a picture without a name fails.
#
# Run by meson under dbus-run-session and xvfb-run:
#   test-atspi.py KYNANGSO CONTENT_DIR LOCALE_DIR
# Every wait has a deadline; nothing is asserted after a fixed sleep.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib


def export_display_to_bus():
    """dbus-run-session starts before xvfb-run sets DISPLAY, and the
    accessibility bus and registry it starts on demand inherit the bus's
    environment: without DISPLAY the registry cannot synthesise keys.
    Must run before pyatspi is imported, which starts them."""
    env = {k: os.environ[k] for k in ('DISPLAY', 'XAUTHORITY') if k in os.environ}
    check(env.get('DISPLAY'), 'no DISPLAY: run under xvfb-run')
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                  'UpdateActivationEnvironment', GLib.Variant('(a{ss})', (env,)),
                  None, Gio.DBusCallFlags.NONE, -1)


class TestFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise TestFailure(message)


export_display_to_bus()
import pyatspi  # noqa: E402  (after the bus knows DISPLAY)

DEADLINE = 20.0
PIN = '246810'
# Keysyms (GDK_KEY_…)
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
CONTROL_MASK = 1 << 2  # X11's ControlMask
KEY_PLUS = 0x002b
KEY_ZERO = 0x0030

# GTK 4.8 shows a toggle button as a push button with a "checked" state.
# Roles a child presses, types in or hears as a picture.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PAGE_TAB,
}
# GTK 4.8 gives an unnamed object its type name ("GtkButton") as name.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Kns)[A-Z]\w*$')

def log(*args):
    print('#', *args, flush=True)


def has_name(text):
    return bool(text and text.strip()) and not TYPE_NAME.match(text)


def describe(acc):
    try:
        return f'{acc.getRoleName()} “{acc.name}”'
    except Exception:  # an object that has just gone away
        return '(gone)'


def path_of(acc):
    parts = []
    while acc is not None and acc.getRole() != pyatspi.ROLE_APPLICATION:
        parts.append(describe(acc))
        acc = acc.parent
    return ' < '.join(parts)


def children(acc):
    try:
        return [c for c in acc if c is not None]
    except Exception:
        return []


def descendants(acc):
    for child in children(acc):
        yield child
        yield from descendants(child)


def wait_for(what, probe, deadline=DEADLINE):
    """Polls probe () until it returns something, or fails naming what."""
    end = time.monotonic() + deadline
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > end:
            raise TestFailure(f'timed out waiting for {what}')
        time.sleep(0.05)


class App:
    def __init__(self, binary, content_dir, locale_dir):
        self.data_dir = tempfile.mkdtemp(prefix='kns-atspi-')
        env = dict(os.environ)
        # Accessibility on: the other ui tests turn it off.
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env.update(KYNANGSO_LANGUAGE='vi', KYNANGSO_LOCALEDIR=locale_dir,
                   GSETTINGS_BACKEND='memory', G_DEBUG='gc-friendly,fatal-warnings')
        # The registry must be up before the app looks for it.
        wait_for('the accessibility registry', lambda: pyatspi.Registry.getDesktop(0) is not None)
        self.process = subprocess.Popen(
            [binary, f'--data-dir={self.data_dir}', f'--content-dir={content_dir}'],
            env=env)
        self.frame = wait_for('the window on the accessibility bus', self._find_frame)
        log('window found:', describe(self.frame))

    def _find_frame(self):
        check(self.process.poll() is None, f'the app exited with {self.process.returncode}')
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() != self.process.pid:
                    continue
            except Exception:
                continue
            for window in children(app):
                if window.getRole() == pyatspi.ROLE_FRAME:
                    return window
        return None

    def dump(self, acc=None, depth=0):
        """The tree as a screen reader sees it, to read after a failure."""
        acc = acc or self.frame
        try:
            line = f'{"  " * depth}{describe(acc)}'
            if acc.description:
                line += f' ({acc.description})'
            print('#', line)
        except Exception:
            return
        for child in children(acc):
            self.dump(child, depth + 1)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # Finding things as a screen-reader user does: by role and name.

    def find_all(self, role=None, name=None, within=None):
        root = within or self.frame
        found = []
        for acc in descendants(root):
            try:
                if role is not None and acc.getRole() != role:
                    continue
                if name is not None and not (name(acc.name) if callable(name) else acc.name == name):
                    continue
            except Exception:
                continue
            found.append(acc)
        return found

    def find(self, role, name, within=None):
        label = name if isinstance(name, str) else 'a matching name'
        what = f'{role} “{label}”'
        return wait_for(what, lambda: (self.find_all(role, name, within) or [None])[0])

    def press(self, acc):
        action = acc.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        check('click' in names, f'{describe(acc)} has no click action: {names}')
        check(action.doAction(names.index('click')), f'{describe(acc)} refused to be pressed')

    def type_into(self, acc, text):
        editable = acc.queryEditableText()
        check(editable.setTextContents(text), f'could not type into {describe(acc)}')

    def find_dialog(self):
        """A window of the app other than the main one, e.g. the PIN's."""
        for window in children(self.frame.parent):
            if window != self.frame and window.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT,
                                                             pyatspi.ROLE_FRAME):
                return window
        return None

    def focused(self):
        for acc in descendants(self.frame):
            try:
                if acc.getState().contains(pyatspi.STATE_FOCUSED):
                    return acc
            except Exception:
                continue
        return None

    def wait_focus(self, predicate, what):
        return wait_for(what, lambda: (lambda f: f if f is not None and predicate(f) else None)(self.focused()))

    def press_key(self, keysym):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)

    def press_with_control(self, keysym):
        registry = pyatspi.Registry
        registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_LOCKMODIFIERS)
        try:
            self.press_key(keysym)
        finally:
            registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_UNLOCKMODIFIERS)

    # What every screen must offer a screen reader.

    def check_tree(self, screen, root=None):
        unnamed = []
        for acc in descendants(root or self.frame):
            try:
                role = acc.getRole()
                if role in CONTROL_ROLES and not has_name(acc.name):
                    unnamed.append(path_of(acc))
                elif role == pyatspi.ROLE_IMAGE and not (has_name(acc.name) or has_name(acc.description)):
                    if not self._inside_named_control(acc):
                        unnamed.append(path_of(acc))
                elif role == pyatspi.ROLE_ALERT and not has_name(acc.name) and not any(
                        c.getRole() == pyatspi.ROLE_LABEL and has_name(c.name)
                        for c in children(acc)):
                    # An alert with nothing to say: a banner hidden but
                    # still in the tree (the idle countdown once was).
                    unnamed.append(path_of(acc) + ' (an alert with no words)')
            except Exception:
                continue
        check(not unnamed, f'{screen}: without a name or description:\n  ' + '\n  '.join(unnamed))
        log(f'{screen}: every control, picture and alert has a name')

    @staticmethod
    def _inside_named_control(acc):
        """A picture inside a named button or list row is read as that
        button or row (an avatar, libadwaita's expander arrow)."""
        parent = acc.parent
        while parent is not None and parent.getRole() != pyatspi.ROLE_FRAME:
            if parent.getRole() in CONTROL_ROLES | {pyatspi.ROLE_LIST_ITEM}:
                return has_name(parent.name)
            parent = parent.parent
        return False

    def tab_cycle(self, screen, limit=60):
        """The names heard pressing Tab until the focus comes round again.
        After the last control GTK leaves nothing focused for one press."""
        first = self.focused()
        if first is None:
            self.press_key(KEY_TAB)
            first = self.wait_focus(lambda f: True, f'{screen}: Tab to focus something')
        heard = [first.name]
        now = first
        for _ in range(limit):
            before = now
            self.press_key(KEY_TAB)
            now = wait_for(f'{screen}: Tab to move on from {describe(before)} (heard {heard})',
                           lambda: (lambda f: [f] if f != before else None)(self.focused()))[0]
            if now == first:
                return heard
            if now is None:
                continue
            check(has_name(now.name), f'{screen}: Tab reaches {path_of(now)}, which has no name')
            heard.append(now.name)
        raise TestFailure(f'{screen}: Tab never comes back round: {heard}')

    def tab_order(self, screen, expected):
        """Tab must reach the names in @expected, in that order."""
        heard = self.tab_cycle(screen)
        log(f'{screen}: Tab goes', ' → '.join(heard))
        # The cycle may start anywhere: read it from the first expected name.
        check(expected[0] in heard, f'{screen}: Tab never reaches “{expected[0]}”: {heard}')
        start = heard.index(expected[0])
        in_order = heard[start:] + heard[:start]
        positions = []
        for name in expected:
            check(name in in_order, f'{screen}: Tab never reaches “{name}”: {heard}')
            positions.append(in_order.index(name))
        check(positions == sorted(positions),
              f'{screen}: Tab order is not top to bottom: expected {expected}, heard {in_order}')


def set_up_lab(app):
    """The teacher's first run, by keyboard and screen reader."""
    lab = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Phòng máy của trường')
    app.check_tree('first-run set-up')
    app.press(lab)
    school = app.find(pyatspi.ROLE_TEXT, 'Tên trường')
    app.type_into(school, 'Trường Tiểu học Thử')
    pins = [app.find(pyatspi.ROLE_TEXT, 'Mã PIN giáo viên'),
            app.find(pyatspi.ROLE_TEXT, 'Nhập lại mã PIN giáo viên')]
    for entry in pins:
        app.type_into(entry, PIN)
    app.check_tree('first-run set-up, lab chosen')
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Bắt đầu'))


def sign_in_new_pupil(app):
    new = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Em là bạn mới')
    app.check_tree('sign-in')
    app.tab_order('sign-in', ['Giáo viên', 'Cần giúp đỡ?', 'Em là bạn mới', 'Học thử, không cần tên'])
    app.press(new)

    nickname = app.find(pyatspi.ROLE_TEXT, 'Biệt danh của em')
    app.check_tree('new learner')
    app.type_into(nickname, 'Mèo Con 7')
    app.type_into(app.find(pyatspi.ROLE_TEXT, 'Lớp của em'), '2A')
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Lớp 2'))
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Mèo'))
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Bắt đầu học'))


def open_first_lesson(app):
    heading = app.find(pyatspi.ROLE_HEADING, 'Tất cả bài học')
    check(heading is not None, 'home: no lesson list')
    lesson = app.find(pyatspi.ROLE_PUSH_BUTTON, lambda n: n.startswith('Bài 1:'))
    app.check_tree('home')
    log('opening', lesson.name)
    app.press(lesson)
    quiz = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Làm bài')
    app.check_tree('lesson')

    # Ctrl+plus makes the text larger, as in GNOME's apps; the "Aa"
    # button says the size.
    size = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Cỡ chữ')
    check(size.description == '100 %', f'the text size reads “{size.description}”')
    app.press_with_control(KEY_PLUS)
    wait_for('Ctrl+plus to make the text 120 %', lambda: size.description == '120 %')
    app.press_with_control(KEY_ZERO)
    wait_for('Ctrl+0 to bring the text back to 100 %', lambda: size.description == '100 %')
    log('Ctrl+plus and Ctrl+0 change the text size')
    pictures = [p for p in app.find_all(pyatspi.ROLE_IMAGE) if has_name(p.name)]
    check(pictures, 'lesson: no picture has a name')
    log('lesson pictures, as read:', [p.name for p in pictures])
    return quiz


OPTION_ROLES = (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)


def quiz_options(app):
    """The options of the question on screen: radio buttons when one answer
    is right, check boxes when several are, named "A. …" as they are shown."""
    named = lambda name: re.match(r'^[A-H]\. ', name or '') is not None
    return [o for role in OPTION_ROLES for o in app.find_all(role, named)]


def answer_question(app, previous):
    """Answers the question after @previous; returns its prompt."""
    prompt = app.find(pyatspi.ROLE_HEADING, lambda n: has_name(n) and n.endswith('?') and n != previous)
    options = wait_for('the options', lambda: quiz_options(app))
    log('question:', prompt.name, '|', [f'{o.getRoleName()} {o.name}' for o in options])
    # The first option is chosen: right or wrong, something is heard.
    app.press(options[0])
    wait_for(f'“{options[0].name}” to be checked', lambda: options[0].getState().contains(pyatspi.STATE_CHECKED))
    answer = app.find(pyatspi.ROLE_PUSH_BUTTON, 'Trả lời')
    wait_for('“Trả lời” to be enabled', lambda: answer.getState().contains(pyatspi.STATE_SENSITIVE))
    app.press(answer)

    # Orca speaks what takes the focus, with its description (GTK 4.8 has
    # no announcements and does not tell Orca when an alert appears inside
    # a window): the focus goes to the button that goes on, so that Enter
    # goes on, and its description is the verdict, the right answer and
    # the explanation.
    more = app.wait_focus(lambda f: f.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                          f.name in ('Câu tiếp theo', 'Xem kết quả'),
                          'the focus on the button that goes on, after answering')
    verdict, _, details = more.description.partition('\n')
    check(verdict in ('Đúng rồi!', 'Chưa đúng rồi.'), f'heard “{verdict}” as the verdict')
    check(details.startswith(('Đáp án đúng', 'Các đáp án đúng')),
          f'“{more.name}” describes “{details}”, not the right answer')
    check(len(details) > 40, 'the explanation is missing from what is heard')
    log('heard after answering:', more.name, '—', more.description.replace('\n', ' / '))

    # Each option says what it was, in words, not only in colour.
    heard = {o.name: o.description for o in quiz_options(app)}
    check(heard[options[0].name] in ('Đúng', 'Chưa đúng'), f'the chosen option is described as {heard}')
    check(any(d in ('Đây là đáp án đúng', 'Ý này cũng đúng, em chưa chọn', 'Đúng') for d in heard.values()),
          f'no option is heard as the right answer: {heard}')
    return prompt.name, more


def take_quiz(app, quiz_button):
    app.press(quiz_button)
    wait_for('the first option', lambda: [o for o in quiz_options(app) if o.name.startswith('A. ')])
    app.check_tree('quiz question')
    options = quiz_options(app)
    app.tab_order('quiz question', [o.name for o in options] + ['Cỡ chữ', 'Cần giúp đỡ?'])

    n = 0
    prompt = None
    while True:
        prompt, more = answer_question(app, prompt)
        app.check_tree('quiz feedback')
        n += 1
        done = more.name == 'Xem kết quả'
        # Enter goes on from where the focus is.
        app.press_key(KEY_RETURN)
        if done:
            break
        wait_for('the next question after Enter',
                 lambda: app.find_all(pyatspi.ROLE_HEADING, lambda name: has_name(name) and name.endswith('?')
                                      and name != prompt))
    log(f'answered {n} questions')
    app.find(pyatspi.ROLE_HEADING, 'Câu trả lời của em')
    app.check_tree('results')


def visit_teacher_mode(app):
    """A blind teacher: the PIN, then every panel of teacher mode."""
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Đổi bạn khác'))
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Giáo viên'))
    dialog = wait_for('the PIN dialog', app.find_dialog)
    app.check_tree('PIN dialog', dialog)
    app.type_into(app.find(None, 'Mã PIN giáo viên', within=dialog), PIN)
    app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, 'Mở', within=dialog))
    for tab in ('Buổi học', 'Tiến độ lớp', 'Báo cáo', 'Học sinh', 'Cài đặt'):
        app.press(app.find(pyatspi.ROLE_PAGE_TAB, tab))
        app.check_tree(f'teacher mode, {tab}')


def main():
    binary, content_dir, locale_dir = sys.argv[1:4]
    check(os.access(binary, os.X_OK), f'{binary} is not executable')
    app = App(binary, content_dir, locale_dir)
    try:
        set_up_lab(app)
        sign_in_new_pupil(app)
        quiz = open_first_lesson(app)
        take_quiz(app, quiz)
        visit_teacher_mode(app)
    except Exception:
        app.dump()
        raise
    finally:
        app.close()
    print('ok - a blind pupil can sign in, read a lesson and take its quiz; a blind teacher can '
          'set up the lab and reach every panel of teacher mode')


if __name__ == '__main__':
    try:
        main()
    except TestFailure as error:
        print(f'not ok - {error}')
        sys.exit(1)
    except Exception as error:  # an AT-SPI call failed: the bus or the app
        print(f'not ok - {type(error).__name__}: {error}')
        raise
