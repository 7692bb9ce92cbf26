"""The wire protocol of 统一出件 requests the window makes online.

Deliveries themselves are case transitions (``deliver``) that travel through the
outbox like every other window decision. Handing a result to the 24-hour self-service
area is different: the applicant needs a pickup code, and only the gateway may issue
one (the terminals hold only its salted hash, see :mod:`core.pickup`). The window
asks for it here, shows it to the applicant and prints a notice with it.

``POST /v1/results/{case_number}/pickup``   :class:`PickupIssueRequest` →
                                            :class:`PickupIssued`
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

RESULTS_PREFIX = "/v1/results"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PickupIssueRequest(_Wire):
    """Put a ready result into self-service pickup.

    Attributes:
        method: ``kiosk_print`` (printed at a 24-hour kiosk) or ``locker`` (智能文件柜).
        compartment: the locker compartment the clerk put the result in (``locker``).
        clerk_id: who did it (recorded in the case history).
    """

    method: Literal["kiosk_print", "locker"]
    compartment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=16)] = ""
    clerk_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class PickupIssued(_Wire):
    """The pickup code for the applicant (shown once, printed on the notice).

    Attributes:
        code: six digits; the applicant types it with the last four characters of the
            ID number at the kiosk or locker.
        reissued: an earlier code of this result no longer works.
    """

    case_number: str
    pickup_id: str
    method: Literal["kiosk_print", "locker"]
    compartment: str
    code: str
    item_name: str
    result_name: str
    applicant: str  # masked name
    reissued: bool
