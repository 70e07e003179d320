"""The game window: start-up, the scene stack, the main loop, screenshots and autoplay.

The loop redraws only when something changed (an event, a timer, an animation): a laptop on battery
stays cool while a group talks over a trend card.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Optional

os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")  # sharp text on Windows laptops
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pygame_gui  # noqa: E402

from game.export.draw import Painter  # noqa: E402
from game.paths import assets_dir, user_dir  # noqa: E402

from .i18n import Catalogue  # noqa: E402
from .packs import remembered_pack  # noqa: E402
from .scrolltext import unlink  # noqa: E402
from .settings import TEXT_SIZES, Settings, load_settings, save_settings  # noqa: E402
from .theme import LOOKS_KEPT, Look, use_look  # noqa: E402

log = logging.getLogger("game.ui")
DEFAULT_SIZE = (1600, 900)
GUI_FONTS_KEPT = 128  # pygame_gui's fonts of our theme that are kept (as theme.FONTS_KEPT; see _drop_gui_fonts)
FPS = 30
RETRY_SECONDS = 5.0  # how often a save or log that a full disk refused is tried again


class Sounds:
    """A soft click for buttons; silent when sound is off or no audio device exists."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._click = None
        self._tried = False

    def click(self) -> None:
        """Play the click."""
        if not self.app.settings.sound:
            return
        if not self._tried:
            self._tried = True
            try:
                pygame.mixer.init(frequency=22050, size=-16, channels=1)
                import array
                import math

                samples = array.array("h", (int(3000 * math.sin(i / 6.0) * (1 - i / 600)) for i in range(600)))
                self._click = pygame.mixer.Sound(buffer=samples.tobytes())
                self._click.set_volume(0.3)
            except (pygame.error, ImportError):
                self._click = None
        if self._click is not None:
            self._click.play()


def _desktop() -> Optional[tuple]:
    """The size of the screen the window opens on, if the video driver knows it (a headless run's dummy
    driver makes one up: it opens at DEFAULT_SIZE, as screenshots and tests expect)."""
    try:
        if pygame.display.get_driver() == "dummy":
            return None
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes and sizes[0][0] > 0 and sizes[0][1] > 0 else None


def first_size(remembered: Optional[tuple], desktop: Optional[tuple]) -> tuple:
    """The window's size at start: the last size when it still fits the screen, else DEFAULT_SIZE shrunk (in
    its 16:9 shape) to leave room for a title bar and a task bar, but never below 800x600."""
    if desktop is None:
        return tuple(remembered) if remembered else DEFAULT_SIZE
    room_w, room_h = int(desktop[0] * 0.95), int(desktop[1] * 0.88)
    if remembered and remembered[0] <= room_w and remembered[1] <= room_h:
        return tuple(remembered)
    scale = min(1.0, room_w / DEFAULT_SIZE[0], room_h / DEFAULT_SIZE[1])
    return max(800, int(DEFAULT_SIZE[0] * scale)), max(600, int(DEFAULT_SIZE[1] * scale))


class App:
    """The window and its stack of scenes."""

    def __init__(self, options: Options, settings: Optional[Settings] = None, notice: Optional[str] = None) -> None:
        self.options = options
        self.settings = settings or Settings()
        if options.lang:
            self.settings.lang = options.lang
        self.t = Catalogue(self.settings.lang)
        self.notice = notice
        # the content pack in play: the command line's, else the one chosen in the game earlier
        self.pack: Optional[Path] = (
            Path(options.content_pack) if options.content_pack else remembered_pack(self.settings)
        )
        self.sounds = Sounds(self)
        self.running = True
        self.exit_code = 0
        self.stack: list = []
        self.dirty = True
        self.clock = pygame.time.Clock()
        self.shots_taken: set = set()
        self.shot_counter = 0
        self.frame_records: list = []
        self.autoplay_timer = 0.0
        self.retry_timer = 0.0
        self.last_drawn = None
        fullscreen = options.fullscreen or self.settings.fullscreen
        if options.text_size:
            self.settings.text_size = options.text_size  # for this run (--text-size), not saved
        self.window = self._open_window(options.size or first_size(self.settings.window, _desktop()), fullscreen)
        self.look = self._make_look()
        self._content = options.content
        self._content_problems = options.content_problems
        self.session = None
        self.managers: dict = {}  # manager_key -> pygame_gui manager
        self.theme = None  # the pygame_gui theme every manager shares (loaded once, changed with the look)
        self.theme_look: Optional[tuple] = None  # the theme_key it is for
        self.gui_fonts: dict = {}  # ids of pygame_gui's fonts the looks used, least recently used first
        self.gui_look_fonts: list = [set()]  # ids of the fonts the last LOOKS_KEPT looks use, the current one last
        self.gui_look_shadows: list = [set()]  # ids of the shadows pygame_gui made in them, the same way
        self.loader = None  # pygame_gui's resource loader, once the first manager has started it
        self._veil_key: Optional[tuple] = None
        self._veil_surface: Optional[pygame.Surface] = None

    # ----------------------------------------------------------------- content
    # The menu needs no content, so a plain start shows its first frame before loading it (a third of the
    # start-up time): the content is loaded on first use, at the latest in the frame after the first.
    @property
    def content(self):
        """The content in play (the built-in one, or the pack given on the command line when it is valid)."""
        if self._content is None:
            from .launch import load

            self._content, self._content_problems = load(self.pack)
        return self._content

    @content.setter
    def content(self, value) -> None:
        self._content = value

    @property
    def content_problems(self) -> list:
        """What was wrong with the content pack (empty when it is fine)."""
        if self._content is None:
            self.content  # noqa: B018 - loading the content finds its problems
        return self._content_problems

    @content_problems.setter
    def content_problems(self, value) -> None:
        self._content_problems = value

    # ----------------------------------------------------------------- window
    def _open_window(self, size, fullscreen: bool) -> pygame.Surface:
        pygame.display.set_caption("Vitale Coalities")
        icon = assets_dir() / "icons" / "app.svg"
        if icon.exists():
            try:
                pygame.display.set_icon(pygame.image.load_sized_svg(str(icon), (64, 64)))
            except (pygame.error, AttributeError):
                pass
        flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        return pygame.display.set_mode((0, 0) if fullscreen else size, flags)

    def _make_look(self) -> Look:
        w, h = self.window.get_size()
        look = Look(w, h, self.settings.text_size, self.settings.colourblind)
        use_look(look)  # the text caches keep the entries of this look and the last few only
        return look

    def manager_key(self, scene) -> tuple:
        """What a scene's pygame_gui manager depends on: its stack level, the window, text size and palette.

        Not the language: both languages use the same fonts, so a language switch keeps the managers (and the
        widgets whose text stays the same) and only tells them the new locale (`_set_locale`)."""
        level = self.stack.index(scene) if scene in self.stack else len(self.stack)
        return (level, *self.theme_key())

    def theme_key(self) -> tuple:
        """What pygame_gui's theme depends on: the window (the scale), text size and palette."""
        return (self.window.get_size(), self.look.text_size, self.look.colourblind)

    def manager_for(self, scene) -> pygame_gui.UIManager:
        """A cleared pygame_gui manager for a scene: one per stack level, reused while the window, text size
        and palette stay the same (making one loads the theme and fonts, which is slow)."""
        key = self.manager_key(scene)
        manager = self.managers.get(key)
        if manager is None:
            manager = self._new_manager()
            self.managers[key] = manager
        else:
            manager.clear_and_reset()
        _set_locale(manager, self.settings.lang)
        manager.set_window_resolution(self.window.get_size())
        return manager

    def _new_manager(self) -> pygame_gui.UIManager:
        key = self.theme_key()
        new_look = self.theme_look != key
        data = self.look.gui_theme() if new_look else None
        if self.theme is not None and new_look:
            self._leave_gui_look()  # before the theme moves on
            _retheme(self.theme, data)  # the managers of the old look are gone (see resized)
        manager = _Manager(
            self.window.get_size(),
            self.theme,
            None if self.theme is not None else data,
            enable_live_theme_updates=False,
            resource_loader=self.loader,
            starting_language=self.settings.lang,
            translation_directory_paths=_translation_paths(),
        )
        # pygame_gui's loader starts five threads to load the fonts, and waits for them; once it has run, a
        # loader loads what it is given at once: the first manager's serves every later theme
        self.loader = manager.resource_loader
        self.theme = manager.get_theme()
        if new_look:
            self.theme_look = key
            # text boxes use bold and italic inline (<b>, <i>): load those faces up front (once per size)
            fonts = self.theme.get_font_dictionary()
            sizes = {self.look.size(kind) for kind in ("body", "small", "large")}
            faces = {
                (px, style): fonts.create_font_id(px, "atkinson", style == "bold", style == "italic")
                for px in sizes
                for style in ("bold", "italic")
            }
            missing = [face for face, font_id in faces.items() if not fonts.check_font_preloaded(font_id)]
            if missing:
                manager.preload_fonts([{"name": "atkinson", "point_size": px, "style": style} for px, style in missing])
            in_use = (res.font_id for per_locale in self.theme.ele_font_res.values() for res in per_locale.values())
            self._note_gui_fonts({*fonts.used_font_ids, *faces.values(), *in_use})
            _drop_gui_fonts(self, data)
        return manager

    def _leave_gui_look(self) -> None:
        """The theme moves to another look: note what the look it leaves asked of pygame_gui's font dictionary
        (`used_font_ids`, where pygame_gui notes every font it is asked for) and made in its shadow cache, and
        start the notes of the next look. The shadows of looks older than the last LOOKS_KEPT go now: pygame_gui
        keeps its shadows until 10 s of frames have passed, and those of every window size a window edge is
        dragged through piled up (~0.4 MB a size)."""
        fonts = self.theme.get_font_dictionary()
        self._note_gui_fonts(fonts.used_font_ids)
        fonts.used_font_ids.clear()  # from here: what the next look asks for
        shadows = self.theme.get_shadow_generator().short_term_rect_cache
        known = set().union(*self.gui_look_shadows)
        self.gui_look_shadows[-1].update(shadow for shadow in shadows if shadow not in known)
        self.gui_look_fonts = [*self.gui_look_fonts, set()][-LOOKS_KEPT:]
        self.gui_look_shadows = [*self.gui_look_shadows, set()][-LOOKS_KEPT:]
        keep = set().union(*self.gui_look_shadows)
        for shadow in [shadow for shadow in shadows if shadow not in keep]:
            del shadows[shadow]
        self.gui_look_shadows = [made & shadows.keys() for made in self.gui_look_shadows]  # pygame_gui clears too

    def _note_gui_fonts(self, used) -> None:
        """The current look uses these fonts of pygame_gui's font dictionary: they become the most recently used."""
        self.gui_look_fonts[-1].update(used)
        for font_id in used:
            self.gui_fonts.pop(font_id, None)
            self.gui_fonts[font_id] = None

    def resized(self, size=None) -> None:
        """The window changed size (or text size / language / palette): rebuild every scene."""
        if size is not None and not self.settings.fullscreen:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.look = self._make_look()
        self.t.set_lang(self.settings.lang)
        look = self.theme_key()
        # managers for another size, text size or palette have the wrong theme: they go; the others stay
        gone = [manager for key, manager in self.managers.items() if key[1:] != look]
        self.managers = {key: manager for key, manager in self.managers.items() if key[1:] == look}
        for manager in self.managers.values():
            _set_locale(manager, self.settings.lang)
        for scene in self.stack:
            scene.rebuild()
        for manager in gone:
            manager.release()
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        """F11 and the settings switch."""
        self.settings.fullscreen = not self.settings.fullscreen
        save_settings(self.settings)
        self.window = self._open_window(first_size(self.settings.window, _desktop()), self.settings.fullscreen)
        self.resized()

    def next_text_size(self) -> None:
        """The next text size (100 -> 125 -> 150 -> 100 %), saved and applied to every screen."""
        size = self.settings.text_size
        self.settings.text_size = (
            TEXT_SIZES[(TEXT_SIZES.index(size) + 1) % len(TEXT_SIZES)] if size in TEXT_SIZES else 100
        )
        self.apply_settings()

    def toggle_language(self) -> None:
        """Dutch <-> English, saved and applied to every screen."""
        self.settings.lang = "en" if self.settings.lang == "nl" else "nl"
        self.apply_settings()

    def apply_settings(self) -> None:
        """Settings changed: save them and redraw everything in the new language / size / palette."""
        save_settings(self.settings)
        self.resized()

    # ----------------------------------------------------------------- scenes
    @property
    def top(self):
        """The scene on top."""
        return self.stack[-1]

    def goto(self, scene) -> None:
        """Replace the whole stack with `scene`."""
        for old in self.stack:
            old.leave()
        self.stack = [scene]
        scene.rebuild()
        self.dirty = True

    def push(self, scene) -> None:
        """Put a scene (often an overlay) on top."""
        self.stack.append(scene)
        scene.rebuild()
        self.dirty = True

    def pop(self) -> None:
        """Remove the top scene."""
        if len(self.stack) > 1:
            self.stack.pop().leave()
            self.top.rebuild()
            self.dirty = True

    def quit(self, code: int = 0) -> None:
        """Stop the loop (first one more try to write what a full disk refused; the window's size is kept)."""
        self.retry_pending()
        # a run with --window, --text-size or --autoplay leaves the saved settings as they were
        if self.settings.window is not None and not (
            self.options.size or self.options.text_size or self.options.autoplay
        ):
            try:
                save_settings(self.settings)
            except OSError:
                pass  # a read-only settings folder: the next start opens at a size that fits, as the first did
        self.running = False
        self.exit_code = code

    def retry_pending(self) -> None:
        """Write the save and the game log that a full or read-only disk refused, if it takes them now."""
        session = self.session
        if session is None:
            return
        session.retry_saving()
        game_log = getattr(session, "game_log", None)
        if game_log is not None and game_log.path is None:
            from .scenes.debrief import write_pending_log

            before = session.log_message
            if write_pending_log(self) and getattr(self.top, "status", None) == before:
                self.top.status = session.log_message  # the debrief's line: "saved in ..."
                self.dirty = True

    def _pending_writes(self) -> bool:
        session = self.session
        if session is None:
            return False
        game_log = getattr(session, "game_log", None)
        return session.save_error is not None or (game_log is not None and game_log.path is None)

    # ----------------------------------------------------------------- loop
    def handle(self, event: pygame.event.Event) -> None:
        """Dispatch one event."""
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
            self.resized((max(800, event.w), max(600, event.h)))
            self.settings.window = self.window.get_size()  # remembered at the next start (saved on quitting)
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F1 and self.top.name != "howto":
                from .scenes.howto import HowToScene

                self.push(HowToScene(self))
                return
            if event.key == pygame.K_F2 and self.session is not None and self.top.name != "facilitator":
                from .scenes.facilitator import FacilitatorScene

                self.push(FacilitatorScene(self))
                return
        if self.top.handle(event):
            self.dirty = True

    def step(self, dt: Optional[float] = None) -> None:
        """One pass of the loop: events, time, autoplay, drawing."""
        events = pygame.event.get()
        resizes = [e for e in events if e.type == pygame.VIDEORESIZE]
        for event in events:
            if event.type == pygame.VIDEORESIZE and event is not resizes[-1]:
                continue  # dragging a window edge sends many; only the last size matters
            self.handle(event)
            if not self.running:
                return
        if dt is None:
            dt = self.clock.tick(FPS) / 1000.0
        if self._pending_writes():  # a full disk: try again every few seconds, not only at the next move
            self.retry_timer += dt
            if self.retry_timer >= RETRY_SECONDS:
                self.retry_timer = 0.0
                self.retry_pending()
        if self.top.update(dt):
            self.dirty = True
        if self.options.autoplay and self.top is self.last_drawn:  # act only on a screen that was shown
            self.autoplay_timer += dt
            if self.autoplay_timer >= self.options.autoplay_delay:
                self.autoplay_timer = 0.0
                self.top.autoplay()
                self.dirty = True
        if self.dirty and self.running:
            self.draw()
        elif self._content is None and self.last_drawn is not None:
            self.content  # noqa: B018 - the first frame is up: now load the content, before anyone needs it

    def draw(self) -> None:
        """Draw the stack (the topmost full scene and the overlays above it) and show it."""
        painter = Painter(self.window, self.look)
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].modal:
            start -= 1
        for index in range(start, len(self.stack)):
            scene = self.stack[index]
            if index > start:
                self.window.blit(self._veil(painter.c["dim"]), (0, 0))
            painter.tips = []
            scene.draw(painter)
            scene.drawn_tips = painter.tips
        self.frame_records = painter.records
        self.last_drawn = self.top
        pygame.display.flip()
        self.dirty = False
        save_screenshot(self)

    def _veil(self, colour) -> pygame.Surface:
        """The dark see-through layer between a screen and the overlay above it (made once per window size:
        a window-sized surface takes milliseconds to make and fill)."""
        key = (self.window.get_size(), tuple(colour))
        if self._veil_key != key:
            self._veil_surface = pygame.Surface(key[0], pygame.SRCALPHA)
            self._veil_surface.fill((*colour, 150))
            self._veil_key = key
        return self._veil_surface

    def run(self) -> int:
        """Run until the window closes; return the exit code.

        A bug must not end a training day with a traceback: the error goes to the log file, the game was saved
        after its last action anyway, and one line says how to play on."""
        try:
            while self.running:
                self.step()
        except Exception as exc:  # noqa: BLE001 - the last line of defence, see above
            logging.getLogger(__name__).exception("the game stopped on an error")
            saved = self.session is not None and self.session.saver is not None
            where = user_dir("applog", create=False) / "vitale-coalities.log"
            print(
                f"Vitale Coalities stopte door een fout ({type(exc).__name__}). "
                + ("Het spel is bewaard: start opnieuw en kies 'Verder spelen'. " if saved else "")
                + f"Details staan in {where}.",
                file=sys.stderr,
            )
            return 1
        return self.exit_code


class _Manager(pygame_gui.UIManager):
    """pygame_gui's manager, made with a theme that is already loaded (when there is one).

    Loading the theme (pygame_gui's default theme file, ours, the fonts) is most of the cost of a manager:
    every manager shares the app's one theme, which `_retheme` moves to a new look (window, text size,
    palette) when the managers of the old one are gone."""

    def __init__(self, size, theme, theme_data, **options) -> None:
        self._shared_theme = theme
        super().__init__(size, theme_data, **options)

    def create_new_theme(self, theme_path=None):
        if self._shared_theme is not None:
            return self._shared_theme
        return super().create_new_theme(theme_path)

    def clear_and_reset(self) -> None:
        """pygame_gui's: every widget goes (its text surfaces at once, see `_free_text_layouts`)."""
        _free_text_layouts(self)
        super().clear_and_reset()

    def release(self) -> None:
        """The manager of a look that is gone: its widgets go now (see `_free_text_layouts`)."""
        _free_text_layouts(self)
        elements = self.get_sprite_group().sprites()
        self.get_root_container().kill()
        for element in elements:
            unlink(element)
        self.get_sprite_group().visible = []  # what it drew last: the widgets' images


def _drop_gui_fonts(app: App, data: dict) -> None:
    """pygame_gui keeps every font it has loaded, and ours come in new sizes with the window: of our theme's
    fonts keep the GUI_FONTS_KEPT most recently used (always those of the last LOOKS_KEPT looks) and drop
    the rest. A font is small, and one kept keeps its glyphs (see theme.FONTS_KEPT). pygame_gui
    finds a loaded font by its id in `loaded_fonts` only (`check_font_preloaded`, `find_font_resource`,
    `_load_fonts`) and loads it again when it is not there, so a dropped size comes back when needed."""
    names = tuple(
        f"{spec['name']}_" for block in data.values() for spec in block.get("font", ()) if isinstance(spec, dict)
    )
    loaded = app.theme.get_font_dictionary().loaded_fonts
    ours = [font_id for font_id in loaded if font_id.startswith(names)]
    if len(ours) > GUI_FONTS_KEPT:
        rank = {font_id: i for i, font_id in enumerate(app.gui_fonts)}  # never noted: the oldest
        keep = set().union(*app.gui_look_fonts)
        for font_id in sorted(ours, key=lambda f: rank.get(f, -1))[: len(ours) - GUI_FONTS_KEPT]:
            if font_id not in keep:
                del loaded[font_id]
    app.gui_fonts = {font_id: None for font_id in app.gui_fonts if font_id in loaded}


def _free_text_layouts(manager: pygame_gui.UIManager) -> None:
    """Let the widgets about to be killed free their surfaces at once. pygame_gui's text layouts and their rows
    point at each other, so a killed widget's text surfaces (and, with a manager that is dropped, all its
    widgets) waited for Python's next full garbage collection: after a few window sizes that was a hundred
    megabytes and more, which the C heap then kept. Emptying the rows list breaks the cycle."""
    for element in manager.get_sprite_group().sprites():
        for owner in (element, getattr(element, "drawable_shape", None)):
            rows = getattr(getattr(owner, "text_box_layout", None), "layout_rows", None)
            if isinstance(rows, list):
                rows.clear()


def _retheme(theme, data: dict) -> None:
    """Give a loaded pygame_gui theme our theme for another look (text size, palette, window): a new theme
    would parse pygame_gui's whole default theme again (~10 ms) for what changes only our font sizes and
    colours. Our elements' colours and fonts are dropped first, so none of the old look's stays behind."""
    for element in data:
        theme.ui_element_colours.pop(element, None)
        theme.ui_element_fonts_info.pop(element, None)
    theme.update_theming(data, rebuild_all=False)  # no rebuild: the scenes remake their widgets


def _translation_paths() -> list:
    """pygame_gui's own strings in Dutch, given to pygame_gui's (global) i18n once."""
    import i18n

    path = str(assets_dir() / "i18n" / "pygame_gui")
    return [] if path in i18n.load_path else [path]


def _set_locale(manager: pygame_gui.UIManager, lang: str) -> None:
    """`UIManager.set_locale` without its last step: that re-renders every widget's text in the same font
    (our theme gives both languages the same fonts), and the scene's rebuild remakes the widgets whose text
    changed anyway."""
    if manager.get_locale() == lang:
        return
    import i18n

    manager._locale = lang  # noqa: SLF001 - what set_locale sets (pygame_gui 0.6, pinned)
    i18n.set("locale", lang)
    manager.get_theme().set_locale(lang)
    manager.get_theme().get_font_dictionary().set_locale(lang)


def save_screenshot(app: App) -> None:
    """Under --screenshots, save the first frame of every screen (by its shot name) as NN-name.png."""
    folder = app.options.screenshots
    if folder is None:
        return
    name = app.top.shot_name() if hasattr(app.top, "shot_name") else app.top.name
    if not name or name in app.shots_taken:
        return
    app.shots_taken.add(name)
    app.shot_counter += 1
    folder.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.window, str(folder / f"{app.shot_counter:02d}-{name}.png"))


class Options:
    """What the command line asked for."""

    def __init__(self, **values) -> None:
        self.scenario = values.get("scenario")
        self.challenge = values.get("challenge")
        self.seats = values.get("seats")
        self.seed = values.get("seed")
        self.rounds = values.get("rounds")
        self.lang = values.get("lang")
        self.mode = values.get("mode")
        self.fullscreen = values.get("fullscreen", False)
        self.autoplay = values.get("autoplay", False)
        self.autoplay_delay = values.get("autoplay_delay", 0.05)
        self.quit_after_debrief = values.get("quit_after_debrief", False)
        self.windtunnel_games = values.get("windtunnel_games", 300)  # games per scenario in the debrief
        self.autosave = values.get("autosave", True)  # save every game after every action
        self.resume = values.get("resume")  # a LoadedSave to play on from (play --resume)
        self.screenshots: Optional[Path] = values.get("screenshots")
        self.size = values.get("size")  # the window's size (--window, tests); else it fits the screen
        self.text_size = values.get("text_size")  # 100, 125 or 150 for this run (--text-size)
        self.content = values.get("content")
        self.content_problems = values.get("content_problems", [])
        self.content_pack = values.get("content_pack")
        self.start_game = values.get("start_game", False)


def setup_logging() -> None:
    """Log to a size-capped file in the user's log folder (a windowed build has no terminal)."""
    from game.applog import log_handler

    try:
        folder = user_dir("applog")
    except OSError:
        folder = None
    root = logging.getLogger()
    root.handlers = [log_handler(folder)]
    root.setLevel(logging.INFO)


def housekeeping(settings: Settings) -> None:
    """At start: remove the `.new` files a crash or a full disk left, and the saves of finished games older
    than the settings say (90 days by default). Never stops the game."""
    from game.saves import remove_finished_saves
    from game.storage import remove_leftovers

    try:
        for name in ("saves", "logs", "settings", "reports"):
            remove_leftovers(user_dir(name, create=False))
        removed = remove_finished_saves(settings.keep_finished_days)
        if removed:
            log.info("removed %d saves of finished games older than %d days", removed, settings.keep_finished_days)
    except OSError as exc:
        log.warning("housekeeping skipped: %s", exc)


def init_pygame() -> None:
    """Start only what the game uses (no audio device is opened until a sound plays)."""
    pygame.display.init()
    pygame.font.init()
    pygame.key.set_repeat(400, 60)
    from .gui_speed import install

    install()


def make_app(options: Options) -> App:
    """A ready app at its first screen (the menu, or the setup for `play` with flags)."""
    setup_logging()
    init_pygame()
    settings, broken = load_settings()
    housekeeping(settings)
    notice = None
    if broken:
        notice = "settings_broken"
    app = App(options, settings, notice)
    from .scenes.menu import MenuScene

    app.goto(MenuScene(app))
    log.info("started: %s", time.strftime("%Y-%m-%d %H:%M:%S"))
    return app


def run(args) -> int:
    """`python -m game [play ...]`, `--smoke`, `--first-frame`."""
    from .launch import launch

    return launch(args)
