"""StreamField blocks shared by the portal's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .table_block import LocalisedTableBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "base/blocks/captioned_image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "base/blocks/document_link.html"


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    body = blocks.RichTextBlock(label=_("body"), features=["bold", "italic", "link", "ol", "ul", "document-link"])


class AccordionBlock(blocks.StructBlock):
    """Collapsible sections built on <details>: no script needed, accessible by keyboard."""

    items = blocks.ListBlock(AccordionItemBlock(), label=_("sections"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "base/blocks/accordion.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external link"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="base/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    table = LocalisedTableBlock(label=_("Table"), template="base/blocks/table.html")
    accordion = AccordionBlock()
