"""The how-to pictures of what a group chooses and uses around play: the futures (emblem, name, motto and
economy of each scenario), the two table modes (beamer and pass-the-laptop) and the keys."""

from __future__ import annotations

import pygame

from game.export.draw import wrap
from game.ui.scenes.howto_shapes import WHITE, PictureContext, keycap, label, mix, small_height
from game.ui.theme import font, hex_colour


def pic_futures(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """The scenarios: emblem, name and motto in their accent colour."""
    look = ctx.look
    lang = ctx.lang
    content = ctx.content
    ids = ctx.scenarios()
    if not ids:
        return
    g = look.px(16)
    rh = (r.height - g * (len(ids) - 1)) // len(ids)
    name_font = font(look.size("large"), True)
    for i, sid in enumerate(ids):
        sc = content.scenarios[sid]
        row = pygame.Rect(r.left, r.top + i * (rh + g), r.width, rh)
        painter.panel(row, fill=WHITE)
        band = pygame.Rect(row.left, row.top, look.px(16), row.height)
        pygame.draw.rect(
            painter.surface,
            hex_colour(sc.color),
            band,
            border_top_left_radius=look.px(14),
            border_bottom_left_radius=look.px(14),
        )
        pad = look.px(16)
        em = min(rh - 2 * pad, look.px(120))
        painter.emblem(content, sid, pygame.Rect(band.right + pad, row.top + (rh - em) // 2, em, em))
        tx = band.right + 2 * pad + em
        box = pygame.Rect(tx, row.top + pad, row.right - pad - tx, rh - 2 * pad)
        economy = ctx.t(f"howto.pic.economy_{sc.economy}")
        name_and_motto(painter, look, box, sc.name.get(lang), sc.motto.get(lang), economy, name_font.get_linesize())


def name_and_motto(painter, look, box: pygame.Rect, name: str, motto: str, extra: str, name_h: int) -> None:
    """A scenario's name, motto and economy, centred as a block in `box`."""
    c = painter.c
    small = font(look.size("small"))
    sh = small.get_linesize()
    motto_h = len(wrap(motto, small, box.width)) * sh
    extra_h = len(wrap(extra, small, box.width)) * sh
    block = name_h + motto_h + look.px(6) + extra_h
    if block > box.height:  # too little room: the economy line goes
        extra = ""
        block = name_h + motto_h
    y = box.top + max(0, (box.height - block) // 2)
    painter.text(pygame.Rect(box.left, y, box.width, name_h), name, "large", bold=True)
    y += name_h
    painter.text(pygame.Rect(box.left, y, box.width, min(motto_h, box.bottom - y)), motto, "small", colour=c["ink"])
    y += motto_h + look.px(6)
    if extra:
        painter.text(pygame.Rect(box.left, y, box.width, extra_h), extra, "small", colour=c["muted"])


def pic_private(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """Beamer (hold G to peek) beside pass-the-laptop (a handover screen)."""
    look = ctx.look
    c = painter.c
    sh, sbh = small_height(look), small_height(look, True)
    g = look.px(28)
    cw = (r.width - g) // 2
    left = pygame.Rect(r.left, r.top, cw, r.height)
    right = pygame.Rect(r.left + cw + g, r.top, cw, r.height)
    pygame.draw.line(
        painter.surface,
        c["panel_edge"],
        (left.right + g // 2, r.top),
        (left.right + g // 2, r.bottom),
        max(1, look.px(2)),
    )
    for col, key in ((left, "beamer"), (right, "pass")):
        label(painter, (col.left, col.top, col.width, 2 * sbh), ctx.t(f"howto.pic.{key}"), bold=True, align="center")
    top = r.top + 2 * sbh + look.px(16)
    key_h = max(look.px(84), sbh + look.px(30))
    bottom_h = key_h + sh + look.px(20)
    dev_h = r.bottom - top - bottom_h - look.px(20)
    # beamer: a projection screen with the seats and a face-down role card
    screen = pygame.Rect(left.left + look.px(10), top, left.width - look.px(20), int(dev_h * 0.8))
    pygame.draw.rect(
        painter.surface,
        c["panel_edge"],
        (screen.left - look.px(6), screen.top - look.px(10), screen.width + look.px(12), look.px(12)),
        border_radius=look.px(4),
    )
    pygame.draw.rect(painter.surface, WHITE, screen)
    pygame.draw.rect(painter.surface, mix(c["panel_edge"], c["ink"], 0.3), screen, max(1, look.px(2)))
    pygame.draw.line(
        painter.surface,
        c["panel_edge"],
        (screen.centerx, screen.bottom),
        (screen.centerx, top + dev_h),
        max(2, look.px(4)),
    )
    ic = min(screen.height // 3, screen.width // 5)
    for i, role in enumerate(ctx.roles(4)):
        x = screen.left + look.px(12) + i * (ic + look.px(8))
        if x + ic > screen.right - look.px(12):
            break
        painter.role_icon(ctx.content, role, pygame.Rect(x, screen.top + look.px(12), ic, ic))
    card = pygame.Rect(0, 0, int(screen.height * 0.42), int(screen.height * 0.5))
    card.midbottom = (screen.centerx, screen.bottom - look.px(12))
    painter.panel(card, fill=c["accent"], edge=mix(c["accent"], c["ink"], 0.4), radius=8)
    painter.text(card, "?", "heading", colour=WHITE, align="center", valign="middle")
    key = pygame.Rect(0, 0, key_h, key_h)
    key.midtop = (left.centerx, r.bottom - bottom_h)
    keycap(painter, look, key, "G")
    label(painter, (left.left, key.bottom + look.px(8), left.width, sh), ctx.t("howto.pic.hold_g"), align="center")
    # pass the laptop: the handover screen on a laptop
    lid = pygame.Rect(right.left + look.px(24), top, right.width - look.px(48), int(dev_h * 0.78))
    pygame.draw.rect(painter.surface, c["ink"], lid, border_radius=look.px(10))
    display = lid.inflate(-look.px(16), -look.px(16))
    pygame.draw.rect(painter.surface, c["bg"], display, border_radius=look.px(4))
    base = [
        (lid.left - look.px(16), lid.bottom + look.px(20)),
        (lid.right + look.px(16), lid.bottom + look.px(20)),
        (lid.right, lid.bottom),
        (lid.left, lid.bottom),
    ]
    pygame.draw.polygon(painter.surface, c["panel_edge"], base)
    show = ctx.t("howto.pic.show_goal")
    pill_lines = len(wrap(show, font(look.size("small"), True), display.width - look.px(40)))
    pill_h = pill_lines * sbh + look.px(16)
    msg = pygame.Rect(
        display.left + look.px(10),
        display.top + look.px(8),
        display.width - look.px(20),
        display.height - pill_h - look.px(24),
    )
    label(painter, msg, ctx.t("howto.pic.handover", name="Bas"), bold=True, align="center", valign="middle")
    pill = pygame.Rect(
        display.left + look.px(16), display.bottom - pill_h - look.px(10), display.width - look.px(32), pill_h
    )
    pygame.draw.rect(painter.surface, c["accent"], pill, border_radius=look.px(10))
    label(painter, pill.inflate(-look.px(8), 0), show, colour=WHITE, bold=True, align="center", valign="middle")
    # the goal, hidden until the seat presses a key
    env = pygame.Rect(0, 0, key_h * 2, key_h)
    env.midtop = (right.centerx, r.bottom - bottom_h)
    painter.panel(env, fill=WHITE, radius=6)
    pygame.draw.lines(
        painter.surface, c["panel_edge"], False, [env.topleft, env.center, env.topright], max(2, look.px(3))
    )
    label(
        painter,
        (right.left, env.bottom + look.px(8), right.width, sh),
        ctx.t("howto.pic.goal_hidden"),
        align="center",
    )


def pic_keys(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """The keys, drawn as keycaps with what each does."""
    look = ctx.look
    sbh = small_height(look, True)
    rows = (
        ("Tab", "key_tab"),
        ("arrows", "key_arrows"),
        ("Enter", "key_enter"),
        ("Esc", "key_esc"),
        ("F1", "key_f1"),
        ("F2", "key_f2"),
        ("F11", "key_f11"),
    )
    row_h = min(r.height // len(rows), look.px(110))
    key_h = min(row_h - look.px(16), max(sbh + look.px(26), look.px(70)))
    r = pygame.Rect(
        r.left + look.px(20), r.top + (r.height - row_h * len(rows)) // 2, r.width - look.px(20), row_h * len(rows)
    )
    bold = font(look.size("small"), True)
    cap_w = max(bold.size(x)[0] for x, _ in rows if x != "arrows") + look.px(36)
    arrows_w = 4 * key_h + 3 * look.px(8)
    col_w = max(cap_w, arrows_w)
    for i, (cap, key) in enumerate(rows):
        top = r.top + i * row_h + (row_h - key_h) // 2
        if cap == "arrows":
            for j, way in enumerate(("left", "up", "down", "right")):
                keycap(painter, look, pygame.Rect(r.left + j * (key_h + look.px(8)), top, key_h, key_h), arrow=way)
        else:
            width = cap_w if cap in ("Tab", "Enter") else max(key_h, bold.size(cap)[0] + look.px(36))
            keycap(painter, look, pygame.Rect(r.left, top, width, key_h), cap)
        x = r.left + col_w + look.px(36)
        painter.text(
            pygame.Rect(x, r.top + i * row_h, r.right - x, row_h),
            ctx.t(f"howto.pic.{key}"),
            "body",
            valign="middle",
        )
