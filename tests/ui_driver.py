"""Drive the real screens with posted mouse and keyboard events, as a person would."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.launch import build_app


def new_app(size=(1280, 720), **options):
    """A fresh app at the main menu."""
    app = build_app(size=size, **options)
    app.step(0.01)
    return app


def step(app, n: int = 1, dt: float = 0.05) -> None:
    """Run the loop n times."""
    for _ in range(n):
        app.step(dt)


def find_button(app, *texts):
    """The first enabled button on the top scene whose label contains any of `texts`."""
    for btn in app.top.buttons:
        if btn.alive() and any(t in btn.text for t in texts):
            return btn
    return None


def click(app, btn) -> None:
    """A mouse click in the middle of a button."""
    pos = btn.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    step(app, 2)


def click_text(app, *texts) -> bool:
    """Click the button labelled with one of `texts`; False when there is none."""
    btn = find_button(app, *texts)
    if btn is None or not btn.is_enabled:
        return False
    click(app, btn)
    return True


def key(app, k: int, mod: int = 0, unicode: str = "") -> None:
    """Press and release a key."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0))
    step(app, 1)


def press_by_keyboard(app, btn) -> bool:
    """Tab to a button and press Enter."""
    scene = app.top
    if btn not in scene.focus:
        return False
    for _ in range(len(scene.focus) + 1):
        if 0 <= scene.focus_index < len(scene.focus) and scene.focus[scene.focus_index] is btn:
            key(app, pygame.K_RETURN)
            return True
        key(app, pygame.K_TAB)
        if app.top is not scene:
            return False
    return False


def texts_on_screen(app) -> str:
    """All text drawn in the last frame by the game and by pygame_gui widgets."""
    parts = [r.text for r in app.frame_records]
    for scene in app.stack:
        if scene.manager is None:
            continue
        for element in scene.manager.get_sprite_group().sprites():
            text = getattr(element, "text", None)
            if isinstance(text, str) and element.visible:
                parts.append(text)
            html = getattr(element, "html_text", None)
            if isinstance(html, str):
                parts.append(html)
    return "\n".join(parts)


def ui_event_types():
    """The pygame_gui events a driver might want to see."""
    return (pygame_gui.UI_BUTTON_PRESSED,)


def layout_problems(app, records=None, scenes=None) -> list:
    """What is wrong with the last frame's layout: text cut or outside its panel or the window, a button
    whose label does not fit it or that lies outside the window. `records` and `scenes`: only those texts and
    those scenes' buttons (by default the whole frame and every scene on the stack)."""
    window = app.window.get_rect()
    found = []
    for record in app.frame_records if records is None else records:
        if record.cut:
            found.append(f"cut: {record.text[:60]!r} in a box of {record.box.size}")
        if not window.contains(record.rect):
            found.append(f"outside the window: {record.text[:60]!r}")
        if not record.box.inflate(4, 4).contains(record.rect):
            found.append(f"outside its panel: {record.text[:60]!r}")
    for scene in app.stack if scenes is None else scenes:
        for btn in scene.buttons:
            if btn.alive() and btn.visible:
                if btn.font.size(btn.text)[0] > btn.rect.width - 4:
                    found.append(f"button text wider than its button: {btn.text!r}")
                if not window.contains(btn.rect):
                    found.append(f"button outside the window: {btn.text!r}")
    return found


def overlapping_buttons(app) -> list:
    """Pairs of visible buttons on the top scene that cover each other."""
    shown = [b for b in app.top.buttons if b.alive() and b.visible]
    return [
        f"{a.text!r} overlaps {b.text!r}"
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if a.rect.clip(b.rect).width > 1 and a.rect.clip(b.rect).height > 1
    ]


def focus_problems(app) -> list:
    """The keyboard focus must be on a living, visible button inside the window (or on nothing)."""
    scene = app.top
    if not 0 <= scene.focus_index < len(scene.focus):
        return [] if scene.focus_index == -1 else [f"focus index {scene.focus_index} of {len(scene.focus)}"]
    widget = scene.focus[scene.focus_index]
    if not widget.alive() or not widget.visible:
        return [f"focus on a hidden or removed button: {widget.text!r}"]
    if not app.window.get_rect().contains(widget.rect):
        return [f"focus on a button outside the window: {widget.text!r}"]
    return []


def replay_problems(app) -> list:
    """A game in progress must be what its setup and its actions replay to."""
    session = getattr(app, "session", None)
    if session is None:
        return []
    from game.engine import replay
    from game.saves import state_digest

    again = replay(session.content, session.setup, session.state.actions)
    if state_digest(again) != state_digest(session.state):
        return [f"the game does not replay from its {len(session.state.actions)} actions"]
    return []


def shot(app, name: str) -> None:
    """Save the window as `name` in the folder $VC_SHOTS when it is set (to look at a test's screens)."""
    import os
    from pathlib import Path

    import pygame

    folder = os.environ.get("VC_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.window, str(Path(folder) / name))
