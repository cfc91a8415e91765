"""SMS backends are pluggable like Django's mail backends; Bangladeshi mobile numbers are validated."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from workflows.core.notifications import sms
from workflows.core.notifications.sms import (
    INVALID_BD_MOBILE,
    ConsoleSmsBackend,
    LocmemSmsBackend,
    get_sms_backend,
    normalize_bd_mobile,
    validate_bd_mobile,
)

ENGLISH_MESSAGE = "Enter a valid Bangladeshi mobile number, e.g. 01712345678."


@pytest.mark.parametrize(
    "value",
    ["01712345678", "+8801712345678", "8801712345678", "017-1234 5678", "+880 1712-345678", "০১৭১২৩৪৫৬৭৮"],
)
def test_bangladeshi_mobile_numbers_are_normalised(value):
    assert normalize_bd_mobile(value) == "+8801712345678"


@pytest.mark.parametrize("prefix", ["013", "014", "015", "016", "017", "018", "019"])
def test_every_operator_prefix_is_accepted(prefix):
    assert normalize_bd_mobile(f"{prefix}12345678") == f"+88{prefix}12345678"


@pytest.mark.parametrize(
    "value",
    [
        "0171234567",  # one digit short
        "017123456789",  # one digit too many
        "02123456789",  # a Dhaka land line
        "01212345678",  # no operator uses 012
        "0171234567a",
        "abcdefghijk",
        "",
        None,
        "+1 01712345678",
    ],
)
def test_other_numbers_are_refused(value):
    with pytest.raises(ValidationError) as excinfo:
        normalize_bd_mobile(value)
    assert excinfo.value.code == "invalid_bd_mobile"


def test_refusal_message_is_translatable():
    with pytest.raises(ValidationError) as excinfo:
        validate_bd_mobile("02123456789")
    message = excinfo.value.error_list[0].message
    # Lazy, so it is translated when shown, in the language of the request that shows it.
    assert isinstance(message, Promise)
    with translation.override("en"):
        assert excinfo.value.messages == [ENGLISH_MESSAGE]
    with translation.override("bn"):
        # Whatever locale/bn holds for it (the Bengali text is added to the catalogue separately).
        assert excinfo.value.messages == [gettext(ENGLISH_MESSAGE)]
    assert str(INVALID_BD_MOBILE) == gettext(ENGLISH_MESSAGE)


def test_default_backend_is_the_console(settings, capsys):
    del settings.SMS_BACKEND
    backend = get_sms_backend()
    assert isinstance(backend, ConsoleSmsBackend)
    assert backend.send("+8801712345678", "পরীক্ষা") == 1
    assert "SMS to +8801712345678\nপরীক্ষা\n" in capsys.readouterr().out


def test_console_backend_writes_to_its_stream():
    stream = io.StringIO()
    ConsoleSmsBackend(stream=stream).send_messages([sms.SmsMessage("+8801812345678", "one")])
    assert stream.getvalue().startswith("SMS to +8801812345678\none\n")


def test_setting_selects_the_backend(sms_outbox):
    backend = get_sms_backend()
    assert isinstance(backend, LocmemSmsBackend)
    backend.send("+8801712345678", "hello")
    assert sms_outbox == [sms.SmsMessage(to="+8801712345678", text="hello")]


def test_base_backend_must_be_subclassed():
    with pytest.raises(NotImplementedError):
        sms.BaseSmsBackend().send("+8801712345678", "x")
