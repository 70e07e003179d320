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
