"""Which window goes on which screen: the pure rule, and the Qt part on real (offscreen)
screens, one and two, with a projector plugged in and out while running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from quiz_app.ui.presenter.placement import (
    Mode,
    Placement,
    ScreenGeom,
    console_rect,
    plan_placement,
)

LAPTOP = ScreenGeom("eDP-1", 0, 0, 1366, 768, primary=True)
PROJECTOR = ScreenGeom("HDMI-1", 1366, 0, 1920, 1080)
TV = ScreenGeom("DP-2", -1280, 0, 1280, 720)


def test_one_screen_the_audience_fills_it():
    assert plan_placement([LAPTOP]) == Placement(Mode.SINGLE, 0, 0)
    assert plan_placement([]) == Placement(Mode.SINGLE, 0, 0)


def test_two_screens_console_on_the_primary_audience_on_the_other():
    assert plan_placement([LAPTOP, PROJECTOR]) == Placement(Mode.DUAL, audience=1, console=0)
    # the OS lists the projector first but the laptop is primary
    assert plan_placement([PROJECTOR, LAPTOP]) == Placement(Mode.DUAL, audience=0, console=1)


def test_no_primary_flag_means_the_first_screen_is_the_laptop():
    a = ScreenGeom("A", 0, 0, 1280, 800)
    b = ScreenGeom("B", 1280, 0, 1920, 1080)
    assert plan_placement([a, b]) == Placement(Mode.DUAL, audience=1, console=0)


def test_three_screens_the_first_other_screen_gets_the_audience():
    assert plan_placement([LAPTOP, PROJECTOR, TV]).audience == 1


def test_swap_puts_the_audience_on_the_primary():
    assert plan_placement([LAPTOP, PROJECTOR], swap=True) == Placement(Mode.DUAL, 0, 1)
    assert plan_placement([LAPTOP], swap=True) == Placement(Mode.SINGLE, 0, 0)


def test_console_rect_is_centred_in_the_available_area():
    r = console_rect(LAPTOP)  # 90 %; the frame (16×40) is centred with it
    assert (r.x(), r.y(), r.width(), r.height()) == (60, 18, 1229, 691)


def test_console_rect_on_a_small_screen_fills_it_with_room_for_the_frame():
    netbook = ScreenGeom("eDP-1", 0, 0, 1024, 600, primary=True)
    r = console_rect(netbook)
    assert (r.x(), r.y(), r.width(), r.height()) == (0, 0, 1008, 560)
    r = console_rect(netbook, QRect(0, 0, 1024, 560))  # a 40 px task bar
    assert (r.width(), r.height()) == (1008, 520)


def test_single_screen_f5_toggles_the_audience_view(open_presenter, hall_files, qtbot):
    p = open_presenter(hall_files, ["Meja 1"])
    assert len(QGuiApplication.screens()) == 1
    assert p.screens.mode is Mode.SINGLE
    assert p.audience.isVisible() and p.audience.isFullScreen()
    assert p.console.isVisible()
    assert not p.console.swap_button.isEnabled()
    assert "Satu layar" in p.console.screen_label.text()
    from PySide6.QtCore import Qt

    qtbot.keyClick(p.audience, Qt.Key.Key_F5)
    assert not p.audience.isVisible()
    qtbot.keyClick(p.console, Qt.Key.Key_F5)
    assert p.audience.isVisible() and p.audience.isFullScreen()
    qtbot.keyClick(p.audience, Qt.Key.Key_Escape)  # like leaving a slideshow
    assert not p.audience.isVisible()


def test_closing_the_audience_window_only_hides_it(open_presenter, hall_files):
    p = open_presenter(hall_files, ["Meja 1"])
    p.audience.close()
    assert not p.audience.isVisible()
    p.screens.toggle_audience()
    assert p.audience.isVisible()


DUAL_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication
    from quiz_app.ui import dialogs
    from quiz_app.ui.app import create_app
    from quiz_app.ui.presenter import start_presenter
    from quiz_app.ui.presenter.sound import SoundPlayer

    app = create_app()
    dialogs.show_message = lambda *a, **k: print("MESSAGE", a, file=sys.stderr)
    data, source = Path(sys.argv[1]), Path(sys.argv[2])
    screens = QGuiApplication.screens()
    # the projector is plugged in late: at first only the laptop is seen
    visible = [screens[0]]
    p = start_presenter(None, data, source, ["Meja 1", "Meja 2"],
                        sound=SoundPlayer(backend="none"), screens=lambda: list(visible))
    app.processEvents()

    def where():
        return {"mode": str(p.screens.mode),
                "audience_screen": p.audience.screen().name(),
                "audience_geometry": p.audience.geometry().getRect(),
                "audience_full": p.audience.isFullScreen(),
                "console_screen": p.console.screen().name(),
                "console_visible": p.console.isVisible(),
                "label": p.console.screen_label.text()}

    out = {"start": where()}
    visible.append(screens[1])
    p.screens.on_screens_changed(screens[1])
    app.processEvents()
    out["plugged"] = where()
    p.screens.toggle_swap()
    app.processEvents()
    out["swapped"] = where()
    p.screens.toggle_swap()
    visible.pop()
    p.screens.on_screens_changed(None)
    app.processEvents()
    out["unplugged"] = where()
    p.close()
    print(json.dumps(out))
""")


def test_dual_screen_placement_and_a_projector_plugged_in_late(tmp_path: Path, hall_files):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Proyektor", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}), encoding="utf-8")
    script = tmp_path / "dual.py"
    script.write_text(DUAL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, str(script), str(tmp_path / "data"), str(hall_files)],
                            capture_output=True, text=True, env=env, timeout=120,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])

    start = out["start"]
    assert start["mode"] == "single"
    assert start["audience_screen"] == "Laptop" and start["audience_full"]

    plugged = out["plugged"]
    assert plugged["mode"] == "dual"
    assert plugged["audience_screen"] == "Proyektor"
    assert plugged["audience_geometry"] == [1366, 0, 1920, 1080]
    assert plugged["audience_full"]
    assert plugged["console_screen"] == "Laptop" and plugged["console_visible"]
    assert "Proyektor (1920×1080)" in plugged["label"]

    swapped = out["swapped"]
    assert swapped["audience_screen"] == "Laptop" and swapped["console_screen"] == "Proyektor"

    unplugged = out["unplugged"]
    assert unplugged["mode"] == "single"
    assert unplugged["audience_screen"] == "Laptop" and unplugged["audience_full"]


def test_dual_screens_from_the_start(tmp_path: Path, hall_files):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800},
        {"name": "Proyektor", "x": 1280, "y": 0, "width": 1280, "height": 720},
    ]}), encoding="utf-8")
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        from quiz_app.ui.app import create_app
        from quiz_app.ui.presenter import start_presenter
        from quiz_app.ui.presenter.sound import SoundPlayer
        app = create_app()
        p = start_presenter(None, Path(sys.argv[1]), Path(sys.argv[2]), None, True,
                            sound=SoundPlayer(backend="none"))
        app.processEvents()
        print(p.screens.mode, p.audience.screen().name(), p.audience.geometry().getRect(),
              p.console.screen().name())
        p.close()
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data"),
                             str(hall_files)], capture_output=True, text=True, env=env,
                            timeout=120, cwd=Path(__file__).resolve().parents[3])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "dual Proyektor (1280, 0, 1280, 720) Laptop"
