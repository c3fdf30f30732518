"""The gateway's live part of the handoff.

- while a case is ``queued``/``connected`` the citizen's messages are stored in the
  inbox (before the reply is sent) instead of going to Rasa, which stays paused;
- ``GET /api/v1/events`` (session id and its events token in headers) long-polls what staff (and the bot) send;
- staff accept, reply and close; closing resumes Rasa (``ConversationResumed``);
- a background task ends cases nobody accepted within ``SCHAENGEL_HANDOFF_ACCEPT_TIMEOUT``
  and lets the bot offer the alternatives (phone, e-mail, form, callback with consent).

The case itself is opened by the action server (``actions/handoff.py``), which has
the tracker (transcript with intents) and pauses Rasa with ``ConversationPaused``.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import unicodedata
from typing import Any, Callable, Optional
from urllib.parse import quote

import httpx

from bot.config import Settings, split_urls
from bot.emergency import detect_emergency
from bot.gateway.ids import is_session_id
from bot.handoff import messages as texts
from bot.handoff.contact import find_contact
from bot.handoff.hours import StaffHours
from bot.handoff.inbox import Case, Inbox, Message, utcnow
from bot.opening_hours import to_local
from bot.privacy.pii import mask_pii

logger = logging.getLogger(__name__)

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and lone surrogates
LONG_POLL_SECONDS = 25.0
#: a poll for a session without an active case returns after at most this long
NO_CASE_WAIT_SECONDS = 3.0


def clean_text(text: str) -> str:
    """Normalise like the chat does, but keep a leading ``/``: during a handoff text is only text."""
    return _CONTROL_CHARS.sub(" ", unicodedata.normalize("NFC", text)).strip()


class RasaControl:
    """Rasa's HTTP API (token-protected, localhost): pause/resume and running one action."""

    def __init__(self, rasa_url: str, token: str, timeout: float = 20.0) -> None:
        #: several Rasa instances (comma-separated) share one tracker store: any of them will do
        self._urls = split_urls(rasa_url) or [rasa_url.rstrip("/")]
        self._token = token
        self._client = httpx.AsyncClient(timeout=timeout)

    async def _post(self, path: str, json: Any) -> httpx.Response:
        """POST to the first Rasa instance that accepts the connection."""
        for index, url in enumerate(self._urls):
            try:
                return await self._client.post(f"{url}{path}", params={"token": self._token}, json=json)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                if index + 1 == len(self._urls):
                    raise
        raise httpx.ConnectError("no Rasa instance configured")

    async def close(self) -> None:
        await self._client.aclose()

    async def append_event(self, session_id: str, event: Any) -> bool:
        if not is_session_id(session_id):  # never build a URL from anything else
            logger.warning("rasa_event_refused", extra={"reason": "invalid session id"})
            return False
        try:
            response = await self._post(f"/conversations/{quote(session_id, safe='')}/tracker/events", event)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            logger.warning("rasa_event_failed", extra={"reason": type(exc).__name__})
            return False
        return response.status_code == 200

    async def resume(self, session_id: str) -> bool:
        """``ConversationResumed`` plus ``action_listen``, so the next message starts a normal turn."""
        return await self.append_event(
            session_id, [{"event": "resume"}, {"event": "action", "name": "action_listen"}]  # type: ignore[arg-type]
        )

    async def execute(self, session_id: str, action: str) -> Optional[list[dict[str, Any]]]:
        """Run one action in the conversation and return its messages (None on failure)."""
        if not is_session_id(session_id):
            return None
        try:
            response = await self._post(f"/conversations/{quote(session_id, safe='')}/execute", {"name": action})
        except (httpx.HTTPError, httpx.InvalidURL, ValueError):
            return None
        if response.status_code != 200:
            return None
        body = response.json()
        await self.append_event(session_id, {"event": "action", "name": "action_listen"})
        return [m for m in body.get("messages") or [] if isinstance(m, dict)]


class Notifier:
    """Wakes long polls in this process when something new is stored for a session.

    Other gateway instances see new messages within a second through the DB poll.
    """

    def __init__(self) -> None:
        #: session → (event, number of waiting polls); an entry lives only while someone waits
        self._events: dict[str, tuple[asyncio.Event, int]] = {}

    def __len__(self) -> int:
        return len(self._events)

    def notify(self, session_id: str) -> None:
        entry = self._events.get(session_id)
        if entry is not None:
            entry[0].set()

    async def wait(self, session_id: str, timeout: float) -> None:
        event, waiting = self._events.get(session_id, (asyncio.Event(), 0))
        self._events[session_id] = (event, waiting + 1)
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            event.clear()
            _event, still = self._events.get(session_id, (event, 1))
            if still <= 1:
                self._events.pop(session_id, None)
            else:
                self._events[session_id] = (event, still - 1)


def event_json(message: Message) -> dict[str, Any]:
    """One citizen event: ``{id, message}`` (the message in the chat reply's shape, plus ``from``)."""
    return {"id": str(message.event_id), "message": message.message or {}}


class HandoffService:
    def __init__(self, inbox: Inbox, settings: Settings, hours: StaffHours, rasa: RasaControl,
                 shape: Callable[[dict[str, Any]], Optional[dict[str, Any]]]) -> None:
        self.inbox = inbox
        self.settings = settings
        self.hours = hours
        self.rasa = rasa
        self.notifier = Notifier()
        self._shape = shape  # the chat's own message shaping (ids, allowed fields)
        self._task: Optional[asyncio.Task] = None

    async def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)

    # ------------------------------------------------------------ citizen chat
    async def intercept(self, session_id: str, text: Optional[str],
                        payload: Optional[str]) -> Optional[list[dict[str, Any]]]:
        """Handle a citizen turn if a case or a callback request is open; None = normal chat.

        The only payload acted on is :data:`~bot.handoff.messages.CANCEL_PAYLOAD` (harmless, and the
        cancel button may come through the events stream); any other payload counts as its text.
        If the inbox cannot be read, the turn goes to Rasa as usual (paused or not, the citizen then
        gets an answer or the gateway's technical-error message with the phone number).
        """
        try:
            case = await self._call(self.inbox.active_case, session_id)
        except Exception:
            logger.exception("handoff_inbox_unavailable")
            return None
        if case is not None:
            return await self._during_case(case, text, payload)
        await self._resume_if_needed(session_id)
        pending = await self._call(self.inbox.pending_callback, session_id)
        if pending is not None:
            return await self._callback_contact(pending, text, payload)
        return None

    async def _during_case(self, case: Case, text: Optional[str], payload: Optional[str]) -> list[dict[str, Any]]:
        written = clean_text(text or "")
        if payload == texts.CANCEL_PAYLOAD or (written.lower().rstrip(".!") in texts.CANCEL_WORDS):
            return await self.cancel(case)
        if not written:
            written = clean_text(payload or "")
        if not written:
            return [{"id": texts.new_id(), "text": "Ihre Nachricht war leer."}]
        # stored (committed, personal data masked: docs/privacy-security.md) before anything is acknowledged
        await self._call(self.inbox.add_citizen_message, case.id, mask_pii(written))
        self.notifier.notify(f"staff:{case.id}")
        reply: list[dict[str, Any]] = []
        found = detect_emergency(written)
        if found is not None:
            from bot.gateway.chat import emergency_messages  # the gateway's safety net text and card

            reply.extend(emergency_messages(found.kinds))
            await self._call(self.inbox.add_system_message, case.id, texts.emergency_note())
        if case.state == "queued":
            info = await self._call(self.inbox.queue_info, case.id, self.settings.handoff_default_wait_minutes)
            reply.append({"id": texts.new_id(),
                          "text": texts.queued_ack(info.position if info else None, info.wait_minutes if info else None),
                          "buttons": [{"title": "Weiterleitung abbrechen", "payload": texts.CANCEL_PAYLOAD}]})
        # connected: the person answers; the bot stays silent (the widget shows the sent message)
        return reply

    async def cancel(self, case: Case) -> list[dict[str, Any]]:
        ended = await self._call(self.inbox.cancel, case.id)
        if ended is None:  # ended meanwhile (staff closed it): just say where we are
            return texts.closed_messages(self.settings, "staff")
        await self._call(self.inbox.add_system_message, case.id,
                         "Die Bürgerin oder der Bürger hat die Weiterleitung beendet.")
        self.notifier.notify(f"staff:{case.id}")
        await self._resume(ended)
        return texts.closed_messages(self.settings, "citizen")

    async def _resume(self, case: Case) -> None:
        if await self.rasa.resume(case.session_id):
            await self._call(self.inbox.mark_resumed, case.id)

    async def _resume_if_needed(self, session_id: str) -> None:
        latest = await self._call(self.inbox.latest_case, session_id)
        if latest is not None and not latest.active and not latest.rasa_resumed:
            await self._resume(latest)

    async def _callback_contact(self, pending: Any, text: Optional[str], payload: Optional[str]) -> list[dict[str, Any]]:
        written = clean_text(text or "")
        cancel_button = [{"title": "Abbrechen", "payload": texts.CANCEL_PAYLOAD}]
        if payload == texts.CANCEL_PAYLOAD or written.lower().rstrip(".!") in texts.CANCEL_WORDS | {"nein"}:
            await self._call(self.inbox.withdraw_callback, pending.id)
            return [{"id": texts.new_id(), "text": texts.callback_cancelled_text(self.settings),
                     "custom": texts.card(self.settings, "unavailable")}]
        found = detect_emergency(written)
        if found is not None:
            from bot.gateway.chat import emergency_messages

            return emergency_messages(found.kinds) + [
                {"id": texts.new_id(), "text": texts.callback_retry_text(), "buttons": cancel_button}]
        found = find_contact(written)
        if found is None:
            return [{"id": texts.new_id(), "text": texts.callback_retry_text(), "buttons": cancel_button}]
        kind, value = found
        # the contact the citizen consented to give stays readable; other personal data is masked
        message = mask_pii(written.replace(value, "\x00")).replace("\x00", value)
        stored = await self._call(self.inbox.complete_callback, pending.id, value, kind, message)
        due = stored.due_date if stored else pending.due_date
        today = to_local().date()
        return [{"id": texts.new_id(), "text": texts.callback_stored_text(due, kind, today)}]

    # ------------------------------------------------------------ citizen events
    async def citizen_events(self, session_id: str, after: int, wait: float) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + max(0.0, min(wait, LONG_POLL_SECONDS))
        started_without_case = False
        while True:
            await self.expire_due()
            events = await self._call(self.inbox.citizen_events, session_id, after)
            case = await self._call(self.inbox.active_case, session_id)
            remaining = deadline - asyncio.get_running_loop().time()
            if events or remaining <= 0:
                return {"events": [event_json(e) for e in events], "handoff": await self._status(case)}
            if case is None and not started_without_case:
                # nothing active: answer soon, but not at once (a client stuck in a loop cannot hammer us)
                started_without_case = True
                remaining = min(remaining, NO_CASE_WAIT_SECONDS)
                deadline = asyncio.get_running_loop().time() + remaining
            await self.notifier.wait(session_id, min(1.0, remaining))

    async def _status(self, case: Optional[Case]) -> Optional[dict[str, Any]]:
        if case is None:
            return None
        status: dict[str, Any] = {"state": case.state}
        if case.state == "queued":
            info = await self._call(self.inbox.queue_info, case.id, self.settings.handoff_default_wait_minutes)
            if info:
                status.update(position=info.position, wait_minutes=info.wait_minutes)
        return status

    # ------------------------------------------------------------ staff actions
    async def accept(self, case_id: str, staff_user_id: int, staff_name: str, public_name: Optional[str]) -> bool:
        if not await self._call(self.inbox.accept, case_id, staff_user_id, staff_name):
            return False
        case = await self._call(self.inbox.get_case, case_id)
        message = texts.connected_message(self.settings, public_name)
        await self._call(self.inbox.add_case_event, case_id, "bot", message["text"], True,
                         {**message, "from": "bot", "sender": "bot"}, None)
        self.notifier.notify(case.session_id)
        return True

    async def staff_reply(self, case_id: str, staff_user_id: int, public_name: Optional[str], text: str) -> Optional[Message]:
        message = {"id": texts.new_id(), "text": text, "from": "staff", "sender": "staff"}
        if public_name:
            message["sender_name"] = public_name
        stored = await self._call(self.inbox.staff_reply, case_id, staff_user_id, text, message)
        if stored is not None:
            case = await self._call(self.inbox.get_case, case_id)
            self.notifier.notify(case.session_id)
        return stored

    async def close(self, case_id: str, staff_user_id: int) -> Optional[Case]:
        ended = await self._call(self.inbox.close, case_id, staff_user_id)
        if ended is None:
            return None
        for message in texts.closed_messages(self.settings, "staff"):
            await self._call(self.inbox.add_bot_message, case_id, message)
        await self._resume(ended)
        self.notifier.notify(ended.session_id)
        return ended

    # ------------------------------------------------------------ accept timeout
    async def expire_due(self) -> None:
        limit = utcnow() - dt.timedelta(seconds=self.settings.handoff_accept_timeout)
        for case in await self._call(self.inbox.expire_unaccepted, limit):
            try:
                await self._after_expiry(case)
            except Exception:  # noqa: BLE001
                logger.exception("handoff_expiry_failed")

    async def _after_expiry(self, case: Case) -> None:
        """Nobody accepted: resume Rasa and let the bot offer the alternatives (callback needs consent)."""
        await self._call(self.inbox.add_system_message, case.id,
                         "Niemand hat den Fall rechtzeitig angenommen; Schängel hat die Alternativen angeboten.")
        messages: Optional[list[dict[str, Any]]] = None
        if await self.rasa.resume(case.session_id):
            await self._call(self.inbox.mark_resumed, case.id)
            messages = await self.rasa.execute(case.session_id, "action_offer_human")
        shaped = [m for m in map(self._shape, messages or []) if m]
        if not shaped:  # Rasa unreachable: the gateway says it itself, without the callback question
            shaped = [{"id": texts.new_id(), "text": texts.unavailable_text(self.settings, None, "timeout")
                       .split(" Wenn Sie möchten")[0], "custom": texts.card(self.settings, "unavailable")}]
        for message in shaped:
            await self._call(self.inbox.add_bot_message, case.id, message)
        self.notifier.notify(case.session_id)

    async def _resume_pending(self) -> None:
        """Each case on its own: one that cannot be resumed never blocks the others."""
        for case in await self._call(self.inbox.cases_to_resume):
            try:
                await self._resume(case)
            except Exception:  # noqa: BLE001 - logged without data; the next round retries
                logger.exception("handoff_resume_failed")

    def start(self) -> None:
        async def loop() -> None:
            # deleting old cases is bot.retention's job (the gateway runs it daily), not this loop's
            while True:
                try:
                    await self.expire_due()
                    await self._resume_pending()
                except Exception:  # keep the loop alive; the next round retries
                    logger.exception("handoff_background_failed")
                await asyncio.sleep(2.0)

        self._task = asyncio.create_task(loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        await self.rasa.close()
