"""The wording of a certificate kind: `{name}` placeholders substituted in Python, HTML-escaped.

Editors write the wording in the admin, so it is never a Django template: `{{ … }}` or `{% … %}` would
let an editor run template code (template injection). Only `{name}` with a known name is a placeholder;
anything else between braces is refused by `validate_wording` with the name in the message.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

# What every certificate can say; a kind adds its own (course, batch…).
STANDARD_PLACEHOLDERS = (
    "holder_name",
    "subject",
    "issue_date",
    "issue_date_bengali",
    "office",
    "serial",
    "signatory_name",
    "signatory_post",
)
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
BRACED_RE = re.compile(r"\{([^{}]*)\}")


def parse_extra_placeholders(text: str) -> dict[str, str]:
    """A kind's own placeholders, one a line: `course = Welding (basic)` → {"course": "Welding (basic)"}
    (the value after `=` is the sample shown in the preview). Raises ValidationError on a bad name."""
    names = {}
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        name, _sep, sample = line.partition("=")
        name = name.strip()
        if not NAME_RE.match(name):
            raise ValidationError(
                _("“%(name)s” cannot be a placeholder name: use small English letters, digits and _."),
                code="placeholder_name",
                params={"name": name},
            )
        names[name] = sample.strip()
    return names


def unknown_placeholders(text: str, known) -> list[str]:
    """The `{…}` in `text` that are not known placeholders (in order, once each)."""
    found = []
    for match in BRACED_RE.finditer(text or ""):
        name = match.group(1)
        if name not in known and name not in found:
            found.append(name)
    # A lone brace is not a placeholder either: "{{ x }}" leaves "{", "}" around the inner match.
    stripped = BRACED_RE.sub("", text or "")
    if ("{" in stripped or "}" in stripped) and "{" not in found:
        found.append("{")
    return found


def validate_wording(text: str, known) -> None:
    unknown = unknown_placeholders(text, known)
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(names)s. Use only: %(known)s."),
            code="unknown_placeholder",
            params={
                "names": ", ".join(f"{{{name}}}" if name != "{" else name for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in known),
            },
        )


def substitute(text: str, values: dict) -> str:
    """The wording as safe HTML: each known `{name}` replaced by its value, everything HTML-escaped,
    line breaks kept. An unknown name (wording saved before a placeholder was removed) is left as text."""
    out, last = [], 0
    for match in BRACED_RE.finditer(text or ""):
        out.append(escape(text[last : match.start()]))
        name = match.group(1)
        out.append(escape(values[name]) if name in values else escape(match.group(0)))
        last = match.end()
    out.append(escape((text or "")[last:]))
    return mark_safe("".join(out).replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 - every part escaped
