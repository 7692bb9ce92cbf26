import pytest

from core.errors import ValidationFailed
from core.identifiers import (
    resident_id_check_char,
    uscc_check_char,
    validate_resident_id,
    validate_uscc,
)


def test_known_resident_id_check_characters() -> None:
    # GB 11643 worked example and an X-terminated number.
    assert resident_id_check_char("11010519491231002") == "X"
    assert validate_resident_id("11010519491231002x") == "11010519491231002X"


def test_resident_id_rejects_bad_input_without_echoing_it() -> None:
    for bad in ("", "123", "11010519491231002A", "110105194913310021", "110105194912310021"):
        with pytest.raises(ValidationFailed) as err:
            validate_resident_id(bad)
        assert bad[:6] not in err.value.message or not bad


def test_uscc_check_character() -> None:
    # A published code of a real enterprise (国家电网有限公司).
    assert uscc_check_char("91110000710925462") == "X"
    assert validate_uscc("91110000710925462x") == "91110000710925462X"
    with pytest.raises(ValidationFailed):
        validate_uscc("91110000710925462A")
    with pytest.raises(ValidationFailed):
        validate_uscc("9111000071092546IX")  # I is not in the alphabet
