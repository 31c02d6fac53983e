"""Illustrations for the demo content: flat scenes of a house where people meet, drawn here.

Each scene (a concert, a workshop, a garden café, a craft afternoon, a market, a reading,
a portrait) is built from a few primitives: people (a head and a rounded body in varied
skin, hair and clothing colours), tables, chairs, lights. A seed makes every picture the
same on every run. Drawn at a quarter of the size of a photo so that the whole demo draws
its pictures in well under a second.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

SKIN = ["#f1c7a5", "#e0a784", "#c68863", "#a5694a", "#7c4a32", "#5a3524", "#f4d3bb"]
HAIR = ["#2b1d16", "#4a3021", "#7a4b2a", "#b07a3b", "#d8b26a", "#9a9a9a", "#1c1c1c", "#6e2b1f"]

PALETTES = {
    "concert": {
        "back": ["#1d1b33", "#2e2347"],
        "clothes": ["#8c2d19", "#d9822b", "#24505c", "#5b4a8a", "#3d6b4f", "#c44d58"],
        "light": "#ffe7a3",
    },
    "workshop": {
        "back": ["#f3ece2", "#e6d8c5"],
        "clothes": ["#24505c", "#d9822b", "#8c2d19", "#6d8f4e", "#f2c14e", "#5b4a8a"],
        "light": "#ffffff",
    },
    "cafe": {
        "back": ["#2b3f66", "#e9895b"],
        "clothes": ["#f2c14e", "#24505c", "#c44d58", "#f3ece2", "#6d8f4e", "#8c2d19"],
        "light": "#ffd27a",
    },
    "craft": {
        "back": ["#e8f1ee", "#cfe3dc"],
        "clothes": ["#e4572e", "#2f8fce", "#f2c14e", "#6d8f4e", "#c44d58", "#8a5bb5"],
        "light": "#ffffff",
    },
    "market": {
        "back": ["#bfe0ea", "#f4ead8"],
        "clothes": ["#24505c", "#8c2d19", "#d9822b", "#6d8f4e", "#5b4a8a", "#f2c14e"],
        "light": "#ffffff",
    },
    "reading": {
        "back": ["#5a2a22", "#8c4a32"],
        "clothes": ["#24505c", "#d9822b", "#f3ece2", "#6d8f4e", "#c44d58", "#2e2347"],
        "light": "#ffe3b0",
    },
    "portrait": {
        "back": ["#f2c14e", "#d9822b"],
        "clothes": ["#24505c", "#8c2d19", "#6d8f4e", "#5b4a8a", "#2e2347"],
        "light": "#ffffff",
    },
}
SCENES = ["concert", "workshop", "cafe", "craft", "market", "reading"]


def draw_scene(scene, seed, size=(1600, 1000)):
    """A PIL image of ``scene`` (one of SCENES, or "portrait"), drawn from ``seed``."""
    rng = random.Random(seed)
    # Drawn at half size and scaled up: soft edges for free, four times fewer pixels to fill.
    width, height = size[0] // 2, size[1] // 2
    palette = PALETTES[scene]
    canvas = _gradient((width, height), *palette["back"])
    draw = ImageDraw.Draw(canvas, "RGBA")
    _SCENE_PAINTERS[scene](canvas, draw, rng, palette, width, height)
    return canvas.resize(size, Image.Resampling.BILINEAR)


def _gradient(size, top, bottom):
    width, height = size
    column = Image.new("RGB", (1, height))
    a, b = _rgb(top), _rgb(bottom)
    column.putdata(
        [
            tuple(round(a[i] + (b[i] - a[i]) * y / max(height - 1, 1)) for i in range(3))
            for y in range(height)
        ]
    )
    return column.resize((width, height))


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _shade(colour, factor):
    return "#" + "".join(f"{max(0, min(255, round(c * factor))):02x}" for c in _rgb(colour))


def person(draw, rng, x, ground, scale, clothes, back_view=False, arms_up=False):
    """A person from the waist up: a rounded body, a neck, a head with hair."""
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    shirt = rng.choice(clothes)
    body_w, body_h = 46 * scale, 56 * scale
    head_r = 15 * scale
    top = ground - body_h
    if arms_up:
        for side in (-1, 1):
            draw.line(
                [
                    (x + side * body_w * 0.35, top + 12 * scale),
                    (x + side * body_w * 0.7, top - 28 * scale),
                ],
                fill=shirt,
                width=max(2, round(11 * scale)),
            )
            draw.ellipse(_box(x + side * body_w * 0.7, top - 30 * scale, 6 * scale), fill=skin)
    draw.rounded_rectangle(
        [x - body_w / 2, top, x + body_w / 2, ground + 20 * scale],
        radius=round(18 * scale),
        fill=shirt,
    )
    draw.rectangle([x - 5 * scale, top - 8 * scale, x + 5 * scale, top + 2 * scale], fill=skin)
    head_y = top - 8 * scale - head_r
    draw.ellipse(_box(x, head_y, head_r), fill=hair if back_view else skin)
    style = rng.random()
    if back_view:
        if style < 0.4:  # a bun or a ponytail
            draw.ellipse(_box(x, head_y - head_r * 0.9, head_r * 0.45), fill=hair)
        return
    if style < 0.35:  # short hair
        draw.chord(_box(x, head_y - 2 * scale, head_r * 1.05), 180, 360, fill=hair)
    elif style < 0.7:  # long hair, falling behind the shoulders
        draw.chord(_box(x, head_y - 2 * scale, head_r * 1.1), 160, 380, fill=hair)
        draw.rectangle(
            [x - head_r * 1.08, head_y - 2 * scale, x - head_r * 0.7, head_y + head_r * 1.4],
            fill=hair,
        )
        draw.rectangle(
            [x + head_r * 0.7, head_y - 2 * scale, x + head_r * 1.08, head_y + head_r * 1.4],
            fill=hair,
        )
    elif style < 0.85:  # a cap
        draw.chord(_box(x, head_y - 3 * scale, head_r * 1.05), 180, 360, fill=rng.choice(clothes))
    # else: no hair to speak of


def _box(x, y, r):
    return [x - r, y - r, x + r, y + r]


def _table(draw, left, right, top, colour, legs=True):
    draw.rounded_rectangle([left, top, right, top + 10], radius=4, fill=colour)
    if legs:
        for x in (left + 12, right - 16):
            draw.rectangle([x, top + 10, x + 5, top + 70], fill=_shade(colour, 0.75))


def _cup(draw, x, y, colour):
    draw.rounded_rectangle([x, y - 14, x + 12, y], radius=3, fill=colour)
    draw.arc([x + 8, y - 12, x + 18, y - 3], 270, 90, fill=colour, width=3)


def _crowd_row(draw, rng, palette, y, scale, count, width, back_view=True):
    step = width / count
    for index in range(count):
        x = step * (index + 0.5) + rng.uniform(-step * 0.25, step * 0.25)
        person(
            draw,
            rng,
            x,
            y + rng.uniform(-4, 4),
            scale * rng.uniform(0.92, 1.08),
            palette["clothes"],
            back_view,
        )


def _concert(canvas, draw, rng, palette, width, height):
    stage_y = height * 0.62
    light = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    beams = ImageDraw.Draw(light)
    for index in range(3):
        x = width * (0.22 + 0.28 * index) + rng.uniform(-30, 30)
        target = width * 0.5 + rng.uniform(-120, 120)
        beams.polygon(
            [(x - 8, 0), (x + 8, 0), (target + 110, stage_y), (target - 110, stage_y)],
            fill=(*_rgb(palette["light"]), 60),
        )
    canvas.paste(Image.alpha_composite(canvas.convert("RGBA"), light).convert("RGB"))
    draw.rectangle([0, stage_y, width, height], fill="#3b2a24")
    draw.rectangle([0, stage_y, width, stage_y + 8], fill="#6b4a3a")
    # Performers: a singer with raised arms and a guitarist
    person(draw, rng, width * 0.45, stage_y - 6, 1.5, palette["clothes"], arms_up=True)
    person(draw, rng, width * 0.62, stage_y - 6, 1.4, palette["clothes"])
    draw.polygon(
        [
            (width * 0.58, stage_y - 40),
            (width * 0.70, stage_y - 70),
            (width * 0.71, stage_y - 62),
            (width * 0.6, stage_y - 30),
        ],
        fill="#d9822b",
    )
    draw.line(
        [(width * 0.45 - 60, stage_y), (width * 0.45 - 60, stage_y - 90)], fill="#111111", width=3
    )
    for index in range(5):  # bulbs along the top
        x = width * (0.1 + 0.2 * index)
        draw.ellipse(_box(x, 14, 6), fill=palette["light"])
    _crowd_row(draw, rng, palette, height * 0.86, 1.35, 9, width)
    _crowd_row(draw, rng, palette, height * 1.02, 1.7, 7, width)


def _workshop(canvas, draw, rng, palette, width, height):
    # Notes and a flip chart on the wall
    for _ in range(12):
        x, y = rng.uniform(40, width - 80), rng.uniform(30, height * 0.3)
        draw.rectangle(
            [x, y, x + 34, y + 30], fill=rng.choice(["#f2c14e", "#f6a6b2", "#9ed2c6", "#ffffff"])
        )
    draw.rectangle(
        [width * 0.78, 40, width * 0.92, height * 0.42], fill="#ffffff", outline="#8a7d72", width=2
    )
    for row in range(4):
        y = 70 + row * 26
        draw.line(
            [(width * 0.8, y), (width * 0.8 + rng.uniform(30, 60), y)], fill="#24505c", width=4
        )
    table_y = height * 0.66
    people = 5
    for index in range(people):
        x = width * (0.14 + 0.72 * index / (people - 1))
        person(draw, rng, x, table_y + 4, 1.55, palette["clothes"])
    _table(draw, width * 0.05, width * 0.95, table_y, "#b07a3b", legs=False)
    draw.rectangle([width * 0.05, table_y + 10, width * 0.95, height], fill="#9a6a33")
    for index in range(7):
        x = width * 0.1 + index * width * 0.12 + rng.uniform(-10, 10)
        if index % 2:
            _cup(draw, x, table_y, rng.choice(["#ffffff", "#24505c", "#d9822b"]))
        else:
            draw.polygon(
                [
                    (x, table_y + 2),
                    (x + 36, table_y - 4),
                    (x + 44, table_y + 4),
                    (x + 8, table_y + 9),
                ],
                fill="#fbf8f3",
            )


def _cafe(canvas, draw, rng, palette, width, height):
    ground = height * 0.68
    for _ in range(3):  # trees
        x = rng.uniform(0, width)
        draw.rectangle([x - 6, ground - 120, x + 6, ground], fill="#3b2a24")
        for _ in range(4):
            draw.ellipse(
                _box(
                    x + rng.uniform(-40, 40),
                    ground - 150 + rng.uniform(-30, 30),
                    rng.uniform(35, 55),
                ),
                fill="#2f5d3a",
            )
    draw.rectangle([0, ground, width, height], fill="#6b4a3a")
    # String lights hanging in two arcs
    for row in range(2):
        y0 = 30 + row * 40
        points = [(x, y0 + 50 * math.sin(math.pi * x / width)) for x in range(0, width + 1, 8)]
        draw.line(points, fill="#2b1d16", width=2)
        for x, y in points[::5]:
            draw.ellipse(_box(x, y + 6, 5), fill=palette["light"])
    for index in range(3):
        cx = width * (0.2 + 0.3 * index)
        person(draw, rng, cx - 48, ground + 10, 1.3, palette["clothes"])
        person(draw, rng, cx + 48, ground + 10, 1.3, palette["clothes"])
        draw.ellipse([cx - 55, ground - 4, cx + 55, ground + 14], fill="#f3ece2")
        draw.rectangle([cx - 4, ground + 10, cx + 4, ground + 80], fill="#2b1d16")
        _cup(draw, cx - 20, ground + 2, "#8c2d19")
        _cup(draw, cx + 10, ground + 2, "#24505c")


def _craft(canvas, draw, rng, palette, width, height):
    # Children's drawings on a line
    draw.line([(0, 40), (width, 52)], fill="#8a7d72", width=2)
    for index in range(7):
        x = 30 + index * (width - 60) / 7
        draw.rectangle([x, 46, x + 50, 110], fill="#ffffff")
        colour = rng.choice(palette["clothes"])
        if index % 2:
            draw.ellipse([x + 12, 60, x + 38, 86], fill=colour)
        else:
            draw.polygon([(x + 25, 56), (x + 44, 98), (x + 6, 98)], fill=colour)
    table_y = height * 0.68
    for index in range(6):
        x = width * (0.1 + 0.16 * index)
        child = index % 3 != 1
        person(draw, rng, x, table_y + 4, 1.05 if child else 1.5, palette["clothes"])
    draw.rectangle([0, table_y, width, height], fill="#f2c14e")
    for _ in range(22):  # paper shapes, scissors-cut
        x, y = rng.uniform(10, width - 30), rng.uniform(table_y + 15, height - 20)
        colour = rng.choice(palette["clothes"])
        if rng.random() < 0.5:
            draw.rectangle([x, y, x + rng.uniform(18, 40), y + rng.uniform(12, 28)], fill=colour)
        else:
            draw.ellipse(_box(x, y, rng.uniform(8, 16)), fill=colour)
    for index in range(4):  # paint pots
        x = width * (0.3 + 0.12 * index)
        draw.rounded_rectangle(
            [x, table_y - 16, x + 22, table_y + 4], radius=4, fill=rng.choice(palette["clothes"])
        )


def _market(canvas, draw, rng, palette, width, height):
    ground = height * 0.7
    draw.rectangle([0, ground, width, height], fill="#c9b79c")
    stalls = 3
    for index in range(stalls):
        left = width * (0.04 + 0.33 * index)
        right = left + width * 0.28
        stripes = rng.choice(
            [("#8c2d19", "#fbf8f3"), ("#24505c", "#fbf8f3"), ("#d9822b", "#fbf8f3")]
        )
        step = (right - left) / 8
        for s in range(8):
            draw.polygon(
                [
                    (left + s * step, 60),
                    (left + (s + 1) * step, 60),
                    (left + (s + 1) * step, 110),
                    (left + s * step, 110),
                ],
                fill=stripes[s % 2],
            )
            draw.pieslice(
                [left + s * step, 96, left + (s + 1) * step, 124], 0, 180, fill=stripes[s % 2]
            )
        draw.rectangle([left + 4, 110, left + 10, ground], fill="#6b4a3a")
        draw.rectangle([right - 10, 110, right - 4, ground], fill="#6b4a3a")
        person(draw, rng, (left + right) / 2, ground - 60, 1.1, palette["clothes"])
        draw.rectangle([left, ground - 62, right, ground - 20], fill="#b07a3b")
        for c in range(10):  # crates of fruit and vegetables
            fruit = rng.choice(["#c44d58", "#f2c14e", "#6d8f4e", "#d9822b"])
            draw.ellipse(_box(left + 14 + c * (right - left - 28) / 9, ground - 70, 8), fill=fruit)
    for _ in range(6):  # people strolling in front
        person(
            draw,
            rng,
            rng.uniform(40, width - 40),
            height + 10,
            rng.uniform(1.4, 1.8),
            palette["clothes"],
            back_view=rng.random() < 0.5,
        )


def _reading(canvas, draw, rng, palette, width, height):
    # Bookshelves on the back wall
    for shelf in range(3):
        y = 50 + shelf * 60
        draw.rectangle([width * 0.58, y + 44, width * 0.96, y + 50], fill="#3b2a24")
        x = width * 0.59
        while x < width * 0.94:
            w = rng.uniform(8, 16)
            draw.rectangle(
                [x, y + rng.uniform(6, 16), x + w, y + 44], fill=rng.choice(palette["clothes"])
            )
            x += w + 2
    # A lamp's pool of light over the reader
    glow = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    ImageDraw.Draw(glow).ellipse(
        [width * 0.1, height * 0.05, width * 0.5, height * 0.75], fill=(*_rgb(palette["light"]), 70)
    )
    canvas.paste(
        Image.alpha_composite(
            canvas.convert("RGBA"), glow.filter(ImageFilter.GaussianBlur(30))
        ).convert("RGB")
    )
    person(draw, rng, width * 0.3, height * 0.55, 1.5, palette["clothes"])
    draw.polygon(
        [
            (width * 0.24, height * 0.5),
            (width * 0.36, height * 0.5),
            (width * 0.34, height * 0.62),
            (width * 0.26, height * 0.62),
        ],
        fill="#3b2a24",
    )
    draw.rectangle(
        [width * 0.27, height * 0.47, width * 0.33, height * 0.5], fill="#fbf8f3"
    )  # the book
    draw.rectangle([0, height * 0.62, width, height], fill="#3b2a24")
    for row, (y, scale) in enumerate([(height * 0.8, 1.25), (height * 0.98, 1.55)]):
        count = 7 - row
        for index in range(count):
            x = width * (index + 0.5) / count + rng.uniform(-12, 12)
            draw.rounded_rectangle(
                [x - 30 * scale, y - 8, x + 30 * scale, y + 60], radius=6, fill="#24505c"
            )
        _crowd_row(draw, rng, palette, y - 4, scale, count, width)


def _portrait(canvas, draw, rng, palette, width, height):
    draw.ellipse(
        _box(width * 0.5, height * 0.55, height * 0.42), fill=_shade(palette["back"][0], 1.08)
    )
    person(draw, rng, width * 0.5, height * 0.98, height / 95, palette["clothes"])


_SCENE_PAINTERS = {
    "concert": _concert,
    "workshop": _workshop,
    "cafe": _cafe,
    "craft": _craft,
    "market": _market,
    "reading": _reading,
    "portrait": _portrait,
}
