"""The admin's avatars: the user's initials drawn by the site itself, so no page asks gravatar.com
(officers' e-mail hashes sent to a third party, broken images offline). An avatar uploaded under Account
stays the user's avatar.

They are PNGs drawn with the shipped Noto Sans Bengali (Pillow with raqm shapes the conjuncts): an image
cannot use the page's web font, and an SVG with text showed empty boxes on computers without a Bengali
font of their own.
"""

import hashlib
import io
import unicodedata
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

ZERO_WIDTH_JOINERS = {"\u200c", "\u200d"}
# Abbreviated titles in front of many Bangladeshi names ("মোঃ করিম", "Md. Karim"): skipped, or half the
# office would be "ম".
TITLES = {"মোঃ", "মো:", "মো.", "মোছাঃ", "মোসাঃ", "ডাঃ", "ড.", "md", "md.", "mst", "mst.", "dr", "dr."}
# White text reads on each of these (contrast at least 4.5:1).
COLOURS = ("#00676a", "#2e1f5e", "#a02a1c", "#1f6040", "#5c3d99", "#7a4300", "#0b5394", "#6b2d5c")
# Part of every avatar's URL: changing the drawing changes every URL, so browsers fetch the new one.
DRAWING_VERSION = "2"
SIZE = 160  # pixels: sharp at the admin's largest avatar (80 CSS pixels) on a high-density screen
FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
CACHE_SECONDS = 30 * 24 * 60 * 60


def _is_virama(char: str) -> bool:
    # The Indic scripts' vowel killer (Bengali হসন্ত ্): the consonant after it belongs to the same letter.
    return unicodedata.name(char, "").endswith("SIGN VIRAMA")


def first_grapheme(word: str) -> str:
    """The first letter of `word` as a reader sees it: a Bengali consonant with its vowel signs, and a
    conjunct (ক্ষ, স্থ, শ্রা) whole, not a bare code point; a Latin letter with its accents."""
    if not word:
        return ""
    end = 1
    while end < len(word):
        char, previous = word[end], word[end - 1]
        joined = unicodedata.category(char).startswith("M") or char in ZERO_WIDTH_JOINERS
        conjunct = _is_virama(previous) or (end >= 2 and previous in ZERO_WIDTH_JOINERS and _is_virama(word[end - 2]))
        if not (joined or (conjunct and unicodedata.category(char) == "Lo")):
            break
        end += 1
    return word[:end]


def initials(user) -> str:
    """One letter of the first name and one of the last (or of the first and last word of the name)."""
    words = [w for w in f"{user.first_name} {user.last_name}".split() if w.lower() not in TITLES]
    if not words:
        words = [user.get_username()]
    picked = [words[0]] if len(words) == 1 else [words[0], words[-1]]
    return "".join(first_grapheme(unicodedata.normalize("NFC", w)).upper() for w in picked)


@cache
def _font(bengali: bool):
    name = "noto-sans-bengali-bengali-700-normal.woff2" if bengali else "noto-sans-bengali-latin-700-normal.woff2"
    return ImageFont.truetype(str(FONTS / name), SIZE * 2 // 5, layout_engine=ImageFont.Layout.RAQM)


def png(user) -> bytes:
    text = initials(user)
    bengali = any("\u0980" <= char <= "\u09ff" for char in text)
    image = Image.new("RGB", (SIZE, SIZE), COLOURS[user.pk % len(COLOURS)])
    ImageDraw.Draw(image).text((SIZE / 2, SIZE / 2), text, font=_font(bengali), fill="#fff", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def avatar_url(user) -> str:
    """The same-origin URL of the user's initials; it names what is drawn, so a renamed user gets a new URL
    and a browser may keep the old one for a month."""
    version = hashlib.sha256(f"{DRAWING_VERSION}:{initials(user)}:{user.pk}".encode()).hexdigest()[:12]
    return f"{reverse('admin_avatar', args=[user.pk])}?v={version}"


def has_uploaded_avatar(user) -> bool:
    profile = getattr(user, "wagtail_userprofile", None)
    return bool(profile and profile.avatar)


@require_safe
def initials_avatar(request, user_id):
    """Staff only (names are not public); outside Wagtail's admin URLs, which forbid every cache."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    response = HttpResponse(png(user), content_type="image/png")
    # Only the signed-in browser keeps it (private), for the URL's version: no shared cache sees a name.
    patch_cache_control(response, private=True, max_age=CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    response["Content-Security-Policy"] = "default-src 'none'"  # an image opened on its own runs nothing
    return response
