"""Reading WhatsApp webhooks: whatever the shape, nothing raises and nothing is invented."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from cockpit_tui.domain.whatsapp import (
    inbound_messages,
    sign,
    signature_is_valid,
    status_updates,
)

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "object",
                    "entry",
                    "changes",
                    "value",
                    "messages",
                    "statuses",
                    "contacts",
                    "from",
                    "id",
                    "type",
                    "text",
                    "body",
                    "status",
                    "errors",
                    "timestamp",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@given(json_values)
def test_any_decoded_body_is_read_without_raising(payload: object) -> None:
    wrapped = {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": payload}]}]}
    for body in (payload, wrapped):
        for message in inbound_messages(body, now=NOW):
            assert message.phone.startswith("+")
            assert message.phone[1:].isdigit()
            assert message.text
        for update in status_updates(body, now=NOW):
            assert update.state in ("sent", "delivered", "read", "failed")


def test_the_signature_is_the_hmac_of_the_exact_body() -> None:
    body = json.dumps({"object": "whatsapp_business_account"}).encode()
    header = sign(body, "segredo")
    assert signature_is_valid(body, header, "segredo")
    assert signature_is_valid(body, header.upper().replace("SHA256=", "sha256="), "segredo")
    assert not signature_is_valid(body + b" ", header, "segredo")
    assert not signature_is_valid(body, header, "outro")
    assert not signature_is_valid(body, header.removeprefix("sha256="), "segredo")
    assert not signature_is_valid(body, None, "segredo")
    assert not signature_is_valid(body, header, "")


def test_a_failed_status_carries_whatsapps_details() -> None:
    payload = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "changes": [
                    {
                        "value": {
                            "statuses": [
                                {
                                    "id": "wamid.X",
                                    "status": "failed",
                                    "timestamp": "1764244800",
                                    "biz_opaque_callback_data": "claim-1",
                                    "errors": [
                                        {
                                            "code": 131047,
                                            "title": "Re-engagement message",
                                            "error_data": {
                                                "details": "Message failed to send because "
                                                "more than 24 hours have passed."
                                            },
                                        }
                                    ],
                                },
                                {"id": "wamid.Y", "status": "deleted"},
                            ]
                        }
                    }
                ]
            }
        ],
    }
    (update,) = status_updates(payload, now=NOW)
    assert (update.wa_message_id, update.state, update.claim_token) == (
        "wamid.X",
        "failed",
        "claim-1",
    )
    assert update.error == "Message failed to send because more than 24 hours have passed."
    assert update.at == datetime(2025, 11, 27, 12, 0, tzinfo=UTC)
