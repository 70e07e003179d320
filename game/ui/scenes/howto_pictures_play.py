"""The how-to pictures of the rules of play: the goal (the futures, the roles around a KVD, the challenge's
bar), the four steps of a round, the action panel with the resources, the seat cards, and a coalition with its
trust and its five checks."""

from __future__ import annotations

import math

import pygame

from game.engine.vocabulary import RESOURCES
from game.export.draw import wrap
from game.ui.scenes.howto_shapes import (
    WHITE,
    PictureContext,
    check,
    disc_icon,
    label,
    mix,
    number,
    small_height,
    triangle,
)
from game.ui.theme import font
from game.words import coalition_role_name, percent, resource_name

BASE_ACTIONS = ("invest", "conversation", "build_facts", "offer", "propose")


def pic_goal(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """The futures on top; the roles around a KVD; the challenge's progress bar below."""
    look = ctx.look
    c = painter.c
    lang = ctx.lang
    sbh = small_height(look, True)
    sh = small_height(look)
    ids = ctx.scenarios()
    col_w = r.width // max(1, len(ids))
    em = min(int(r.height * 0.16), r.width // 6, col_w - look.px(12))
    content = ctx.content
    for i, sid in enumerate(ids):
        cx = r.left + col_w * i + col_w // 2
        painter.emblem(content, sid, pygame.Rect(cx - em // 2, r.top, em, em))
        name = content.scenarios[sid].name.get(lang)
        label(
            painter,
            (cx - col_w // 2 + look.px(4), r.top + em + look.px(6), col_w - look.px(8), sbh),
            name,
            bold=True,
            align="center",
        )
    row_bottom = r.top + em + look.px(6) + sbh
    bar = pygame.Rect(r.left + look.px(40), r.bottom - look.px(28), r.width - look.px(80), look.px(28))
    lab = pygame.Rect(bar.left, bar.top - sh - look.px(8), bar.width, sh)
    label(painter, lab, ctx.t("howto.pic.challenge") + " · " + percent(60, ctx.lang), bold=True)
    painter.bar(bar, 0.6, c["accent"])
    area = pygame.Rect(r.left, row_bottom + look.px(24), r.width, lab.top - look.px(24) - row_bottom - look.px(24))
    full = min(area.width, area.height) // 2
    ic = int(full * 0.40)
    radius = full - int(ic * 0.62) - look.px(4)
    centre = area.center
    pygame.draw.circle(painter.surface, c["bar_bg"], centre, radius, max(2, look.px(4)))
    points = []
    roles = ctx.roles(4)
    for i in range(len(roles)):
        angle = math.pi * (0.5 * i - 0.75)
        points.append((int(centre[0] + radius * math.cos(angle)), int(centre[1] + radius * math.sin(angle))))
    for p in points:
        pygame.draw.line(painter.surface, c["accent"], centre, p, max(2, look.px(4)))
    disc = max(int(radius * 0.36), sbh // 2 + look.px(6))
    pygame.draw.circle(painter.surface, c["accent"], centre, disc)
    box = pygame.Rect(0, 0, disc * 2, sbh)
    box.center = centre
    label(painter, box, ctx.t("howto.pic.kvd"), colour=WHITE, bold=True, align="center", valign="middle")
    for role, p in zip(roles, points, strict=True):
        disc_icon(painter, look, role, p, ic)


def pic_round(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """The four steps of a round, each as a small panel."""
    look = ctx.look
    c = painter.c
    g = look.px(18)
    cw, ch = (r.width - g) // 2, (r.height - g) // 2
    sbh = small_height(look, True)
    steps = ("trend", "actions", "resolution", "summary")
    for k, step in enumerate(steps):
        cell = pygame.Rect(r.left + (k % 2) * (cw + g), r.top + (k // 2) * (ch + g), cw, ch)
        painter.panel(cell, fill=c["bg"], width=1)
        pad = look.px(14)
        head_h = max(sbh, look.px(40))
        number(painter, look, (cell.left + pad + head_h // 2, cell.top + pad + head_h // 2), head_h, k + 1)
        label(
            painter,
            (
                cell.left + pad + head_h + look.px(10),
                cell.top + pad + (head_h - sbh) // 2,
                cell.width - 2 * pad - head_h - look.px(10),
                sbh,
            ),
            ctx.t(f"howto.pic.{step}"),
            bold=True,
        )
        area = pygame.Rect(
            cell.left + pad,
            cell.top + pad + head_h + look.px(12),
            cell.width - 2 * pad,
            cell.height - 2 * pad - head_h - look.px(12),
        )
        MINIS[step](painter, area, ctx)


def mini_trend(painter, area: pygame.Rect, ctx: PictureContext) -> None:
    """A trend card: a coloured band over lines of text."""
    look = ctx.look
    c = painter.c
    card_h = area.height
    card_w = min(area.width, int(card_h * 0.8))
    card = pygame.Rect(0, 0, card_w, card_h)
    card.center = area.center
    painter.panel(card, fill=WHITE, radius=10)
    band = pygame.Rect(card.left, card.top, card.width, max(look.px(14), card.height // 5))
    pygame.draw.rect(
        painter.surface,
        look.category_colours["society"],
        band,
        border_top_left_radius=look.px(10),
        border_top_right_radius=look.px(10),
    )
    y = band.bottom + look.px(12)
    line_h = max(4, look.px(12))
    for frac in (0.8, 0.9, 0.7, 0.85, 0.5):
        if y + line_h > card.bottom - look.px(10):
            break
        pygame.draw.rect(
            painter.surface,
            c["bar_bg"],
            (card.left + look.px(12), y, int((card.width - look.px(24)) * frac), line_h),
            border_radius=line_h // 2,
        )
        y += line_h + look.px(10)


def mini_actions(painter, area: pygame.Rect, ctx: PictureContext) -> None:
    """A seat's icon with its two action points."""
    look = ctx.look
    c = painter.c
    sh = small_height(look)
    ic = max(look.px(20), min(area.height - sh - look.px(14), area.width // 3))
    top = area.top + max(0, (area.height - ic - sh - look.px(14)) // 2)
    radius = max(look.px(10), ic // 6)
    group = ic + look.px(24) + 4 * radius + look.px(12)
    left = area.centerx - group // 2
    painter.role_icon(
        ctx.content, ctx.roles(2)[1], pygame.Rect(left, top, ic, ic)
    )  # a resident, in the built-in content
    for i in range(2):
        centre = (left + ic + look.px(24) + radius + i * (2 * radius + look.px(12)), top + ic // 2)
        pygame.draw.circle(painter.surface, c["accent"], centre, radius)
    label(painter, (area.left, top + ic + look.px(10), area.width, sh), ctx.t("howto.pic.ap"), align="center")


def mini_resolution(painter, area: pygame.Rect, ctx: PictureContext) -> None:
    """Three members' icons, an arrow down, and the challenge's bar moving on."""
    look = ctx.look
    c = painter.c
    bar_h = look.px(24)
    arrow = look.px(26)
    ic = max(look.px(20), min(int((area.height - bar_h - arrow - look.px(28)) * 0.9), area.width // 4))
    xs = [area.centerx - ic - look.px(16), area.centerx, area.centerx + ic + look.px(16)]
    stack = ic + look.px(14) + arrow + look.px(14) + bar_h
    top = area.top + max(0, (area.height - stack) // 2)
    table = ctx.roles(4)
    for role, x in zip((table[1], table[0], table[3]), xs, strict=True):
        painter.role_icon(ctx.content, role, pygame.Rect(x - ic // 2, top, ic, ic))
    triangle(painter, (area.centerx, top + ic + look.px(14) + arrow // 2), arrow, c["muted"], "down")
    bar = pygame.Rect(area.left + look.px(10), top + stack - bar_h, area.width - look.px(20), bar_h)
    painter.bar(bar, 0.62, mix(c["accent"], WHITE, 0.55))
    inner = pygame.Rect(bar.left, bar.top, int(bar.width * 0.40), bar.height)
    pygame.draw.rect(painter.surface, c["accent"], inner, border_radius=bar_h // 2)


def mini_summary(painter, area: pygame.Rect, ctx: PictureContext) -> None:
    """Three indicators' bars, each with an arrow up or down."""
    look = ctx.look
    c = painter.c
    colours = look.indicator_colours
    rows = (("wellbeing", 0.62, "up"), ("participation", 0.48, "up"), ("equality", 0.35, "down"))
    row_h = area.height // len(rows)
    bar_h = max(look.px(12), min(look.px(22), row_h // 3))
    arrow = max(look.px(18), bar_h + look.px(4))
    for i, (name, frac, way) in enumerate(rows):
        cy = area.top + i * row_h + row_h // 2
        bar = pygame.Rect(area.left, cy - bar_h // 2, area.width - arrow - look.px(16), bar_h)
        painter.bar(bar, frac, colours[name])
        colour = c["good"] if way == "up" else c["bad"]
        triangle(painter, (bar.right + look.px(10) + arrow // 2, cy), arrow, colour, way)


MINIS = {"trend": mini_trend, "actions": mini_actions, "resolution": mini_resolution, "summary": mini_summary}


def pic_actions(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """The action panel of the seat whose turn it is, and the four resources."""
    look = ctx.look
    c = painter.c
    lang = ctx.lang
    content = ctx.content
    sh, sbh = small_height(look), small_height(look, True)
    gap = look.px(14)
    legend_row = max(sh, look.px(44)) + look.px(12)
    legend_h = 2 * legend_row + look.px(20)
    head_h = sbh + look.px(16)
    room = r.height - head_h - legend_h - look.px(40)
    pill_h = max(sh + look.px(22), min(int(sh * 2.1), (room - 4 * gap) // 5))
    block = head_h + 5 * (pill_h + gap) + look.px(30) + legend_h
    y = r.top + max(0, (r.height - block) // 2)
    label(painter, (r.left, y, r.width // 2, sbh), ctx.t("howto.pic.your_turn"), bold=True)
    radius = max(look.px(9), sbh // 3)
    for i in range(2):
        pygame.draw.circle(
            painter.surface, c["accent"], (r.right - radius - i * (2 * radius + look.px(10)), y + sbh // 2), radius
        )
    y += head_h
    for i, aid in enumerate(BASE_ACTIONS):
        spec = content.actions.get(aid) if content is not None else None
        name = spec.name.get(lang) if spec else ctx.t(f"howto.actions.{i + 1}").split(":")[0]
        pill = pygame.Rect(r.left, y, r.width, pill_h)
        pygame.draw.rect(painter.surface, WHITE, pill, border_radius=look.px(12))
        pygame.draw.rect(
            painter.surface,
            mix(c["panel_edge"], c["ink"], 0.25),
            pill,
            max(1, look.px(2)),
            border_radius=look.px(12),
        )
        cost = [(res, n) for res, n in (spec.cost.items() if spec else []) if n]
        x = pill.right - look.px(14)
        icon = min(int(sh * 1.1), pill_h - look.px(12))
        for res, n in reversed(cost):
            num_w = font(look.size("small"), True).size(str(n))[0] + look.px(4)
            x -= num_w
            label(painter, (x, pill.top + (pill_h - sh) // 2, num_w, sh), str(n), bold=True)
            x -= icon + look.px(4)
            painter.icon(str(res), pygame.Rect(x, pill.top + (pill_h - icon) // 2, icon, icon))
            x -= look.px(12)
        label(painter, (pill.left + look.px(16), pill.top + (pill_h - sh) // 2, x - pill.left - look.px(20), sh), name)
        y += pill_h + gap
    # the resources, as on the seat cards
    y += look.px(16)
    pygame.draw.line(painter.surface, c["bar_bg"], (r.left, y), (r.right, y), max(1, look.px(2)))
    y += look.px(20)
    half = r.width // 2
    icon = legend_row - look.px(12)
    for k, res in enumerate(RESOURCES):
        x = r.left + (k % 2) * half
        yy = y + (k // 2) * legend_row
        painter.icon(res, pygame.Rect(x, yy, icon, icon))
        label(
            painter,
            (x + icon + look.px(12), yy + (icon - sh) // 2, half - icon - look.px(16), sh),
            resource_name(res, lang).capitalize(),
        )


def pic_roles(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """Four seat cards with their role's icon and starting resources."""
    look = ctx.look
    c = painter.c
    lang = ctx.lang
    content = ctx.content
    roles = ctx.roles()
    g = look.px(18)
    cw, ch = (r.width - g) // 2, (r.height - g) // 2
    sh, sbh = small_height(look), small_height(look, True)
    for k, role_id in enumerate(roles[:4]):
        role = content.roles[role_id]
        card = pygame.Rect(r.left + (k % 2) * (cw + g), r.top + (k // 2) * (ch + g), cw, ch)
        painter.panel(card, fill=WHITE)
        pad = look.px(18)
        ic = min(look.px(100), ch // 3, card.width // 4)
        name = role.name.get(lang)
        bold_small = font(look.size("small"), True)
        name_w = card.width - 2 * pad - ic - look.px(14)
        stacked = max(bold_small.size(word)[0] for word in name.split()) > name_w  # a narrow card: name under the icon
        if stacked:
            name_w = card.width - 2 * pad
        name_lines = len(wrap(name, bold_small, name_w))
        name_h = ic + look.px(6) + name_lines * sbh if stacked else max(ic, name_lines * sbh)
        row_h = sh + look.px(14)
        goal_h = sh + look.px(20)
        block = name_h + look.px(12) + 2 * row_h + look.px(12) + goal_h
        top = card.top + max(pad, (card.height - block) // 2)
        if stacked:
            painter.role_icon(ctx.content, role_id, pygame.Rect(card.left + pad, top, ic, ic))
            label(painter, (card.left + pad, top + ic + look.px(6), name_w, name_lines * sbh), name, bold=True)
        else:
            painter.role_icon(ctx.content, role_id, pygame.Rect(card.left + pad, top + (name_h - ic) // 2, ic, ic))
            tx = card.left + pad + ic + look.px(14)
            label(painter, (tx, top, card.right - pad - tx, name_h), name, bold=True, valign="middle")
        y = top + name_h + look.px(12)
        half = (card.width - 2 * pad) // 2
        icon = int(sh * 0.95)
        for j, res in enumerate(RESOURCES):
            x = card.left + pad + (j % 2) * half
            yy = y + (j // 2) * row_h
            painter.icon(res, pygame.Rect(x, yy + (sh - icon) // 2, icon, icon))
            label(
                painter,
                (x + icon + look.px(8), yy, half - icon - look.px(10), sh),
                str(role.start.get(res, 0)),
                bold=True,
            )
        goal = pygame.Rect(card.left + pad, y + 2 * row_h + look.px(12), card.width - 2 * pad, goal_h)
        goal_text = ctx.t("howto.pic.own_goal")
        goal_w = font(look.size("small")).size(goal_text)[0]
        if goal.bottom <= card.bottom - look.px(6) and goal_w <= goal.width - look.px(16):
            pygame.draw.rect(painter.surface, c["bg"], goal, border_radius=look.px(8))
            label(painter, goal.inflate(-look.px(16), 0), goal_text, colour=c["muted"], valign="middle")


def pic_vital(painter, r: pygame.Rect, ctx: PictureContext) -> None:
    """A coalition of three around a KVD, its trust, and the five checks."""
    look = ctx.look
    c = painter.c
    lang = ctx.lang
    content = ctx.content
    sh, sbh = small_height(look), small_height(look, True)
    kvd = ""
    if content is not None and content.challenges:
        first = content.challenges[sorted(content.challenges)[0]]
        if first.kvds:
            kvd = first.kvds[0].text.get(lang)
    text = f"{ctx.t('howto.pic.kvd')}: “{kvd}”" if kvd else ctx.t("howto.vital.1")
    n_lines = len(wrap(text, font(look.size("small"), True), r.width - look.px(32)))
    banner = pygame.Rect(r.left, r.top, r.width, min(3, n_lines) * sbh + look.px(28))
    painter.panel(banner, fill=c["highlight"], radius=10)
    label(painter, banner.inflate(-look.px(32), -look.px(20)), text, bold=True, valign="middle")
    area = pygame.Rect(r.left, banner.bottom + look.px(24), r.width, r.bottom - banner.bottom - look.px(24))
    left = pygame.Rect(area.left, area.top, int(area.width * 0.52), area.height)
    right = pygame.Rect(left.right + look.px(20), area.top, area.right - left.right - look.px(20), area.height)
    # the triangle of members
    table = ctx.roles(4)
    members = ((table[1], "lead"), (table[0], "financier"), (table[3], "knowledge"))
    ic = max(look.px(30), min(int(left.width * 0.26), int((left.height - 3 * sh) * 0.3)))
    positions = [
        (left.centerx, left.top + sh + look.px(6) + int(ic * 0.62)),
        (left.left + int(ic * 0.75), left.bottom - 2 * sh - look.px(6) - int(ic * 0.62)),
        (left.right - int(ic * 0.75), left.bottom - 2 * sh - look.px(6) - int(ic * 0.62)),
    ]
    trust = ((0, 1, 7), (1, 2, 6), (0, 2, 8))
    for a, b, _value in trust:
        pygame.draw.line(painter.surface, c["accent"], positions[a], positions[b], max(2, look.px(5)))
    for a, b, value in trust:
        mid = ((positions[a][0] + positions[b][0]) // 2, (positions[a][1] + positions[b][1]) // 2)
        d = max(sbh, look.px(40))
        pygame.draw.circle(painter.surface, WHITE, mid, d // 2)
        pygame.draw.circle(painter.surface, c["accent"], mid, d // 2, max(2, look.px(3)))
        box = pygame.Rect(0, 0, d, sbh)
        box.center = mid
        label(painter, box, str(value), bold=True, align="center", valign="middle")
    for k, ((role, crole), pos) in enumerate(zip(members, positions, strict=False)):
        disc_icon(painter, look, role, pos, ic)
        name = coalition_role_name(crole, lang)
        longest = max(font(look.size("small"), True).size(word)[0] for word in name.split())
        half = max(left.width // 2 - look.px(6), longest + look.px(4))
        if k == 0:  # above the top member, so no trust line crosses it
            box = pygame.Rect(left.left, pos[1] - int(ic * 0.62) - look.px(6) - sh, left.width, sh)
            align = "center"
        else:
            y = pos[1] + int(ic * 0.62) + look.px(4)
            box = pygame.Rect(left.left if k == 1 else left.right - half, y, half, 2 * sh)
            align = "left" if k == 1 else "right"
        label(painter, box, name, align=align, colour=c["muted"], bold=True)
    # the checks
    checks = ("check_kvd", "check_roles", "check_distinct", "check_trust", "check_pot")
    row_h = min(right.height // len(checks), int(sh * 2.4))
    d = int(sh * 1.1)
    first = right.top + (right.height - row_h * len(checks)) // 2
    for i, key in enumerate(checks):
        top = first + i * row_h
        check(painter, (right.left + d // 2, top + row_h // 2), d)
        box = pygame.Rect(right.left + d + look.px(12), top, right.width - d - look.px(12), row_h)
        label(painter, box, ctx.t(f"howto.pic.{key}"), valign="middle")
