"""Uploaded images re-encoded without their metadata: a phone's photo carries where it was taken (EXIF GPS),
the camera's serial number, the author's name (XMP) and comments, none of which a complaint, a signature or a
page of the portal should publish or keep.

Used by the case attachments (workflows/core/uploads.py) and the editors' image library (image_forms.py).
"""

import io

from PIL import Image, ImageOps, ImageSequence

# Formats re-encoded, by Pillow's name: what the attachments and the image library accept (not SVG, which is
# text and goes through Wagtail's own checks).
REENCODED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "AVIF"}
# A larger picture (all frames counted) is refused before it is decoded: a few KB of PNG can declare
# 100,000 × 100,000 pixels.
MAX_PIXELS = 50_000_000
# Kept from the original: the colour profile, so colours do not change, the transparent colour and the timing
# of an animation.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop")
QUALITY = {"JPEG": 90, "WEBP": 90, "AVIF": 80}


class ImageTooLarge(ValueError):
    pass


def without_metadata(data: bytes, format: str) -> bytes:
    """The image `data` (of Pillow's `format`) upright and saved again in that format with no EXIF, XMP or
    comments; every frame of an animation is kept. Raises ImageTooLarge past MAX_PIXELS, and Pillow's errors
    for a broken file."""
    with Image.open(io.BytesIO(data), formats=[format]) as image:
        width, height = image.size
        if width * height * getattr(image, "n_frames", 1) > MAX_PIXELS:
            raise ImageTooLarge(f"{width}×{height} pixels")
        options = {key: image.info[key] for key in KEPT_INFO if key in image.info}
        # Turn the pixels as the EXIF orientation says before that tag goes with the rest.
        frames = [_bare(ImageOps.exif_transpose(frame), format) for frame in ImageSequence.Iterator(image)]
    if format in QUALITY:
        options["quality"] = QUALITY[format]
    if len(frames) > 1:
        options |= {"save_all": True, "append_images": frames[1:]}
    out = io.BytesIO()
    frames[0].save(out, format, **options)
    return out.getvalue()


def _bare(frame, format):
    """A frame with no metadata attached (Pillow saves what `info` holds for some formats)."""
    frame = frame.copy()
    if format == "JPEG" and frame.mode not in ("RGB", "L", "CMYK"):
        frame = frame.convert("RGB")
    frame.info = {}
    return frame


def replace_content(upload, data: bytes) -> None:
    """Put `data` in place of an uploaded file's content: in memory or in its temporary file, whichever
    Django chose, since storages move a temporary file rather than reading it."""
    upload.seek(0)
    upload.truncate()
    upload.write(data)
    upload.flush()
    upload.size = len(data)
    upload.seek(0)
