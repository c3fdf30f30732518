"""The handoff inbox: an interface (what the bot and the console need) and its SQL implementation.

A city that wants cases in its own ticket system implements :class:`Inbox`
(see docs/handoff.md) and passes it to the gateway and the actions via
:func:`bot.handoff.get_inbox`. Every write commits before it returns, so
whatever is acknowledged to a citizen or a member of staff is stored.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Optional, Protocol, Sequence

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.orm import sessionmaker

from bot.handoff.models import ACTIVE_STATES, CallbackRow, CaseRow, MessageRow


def _check_session_id(session_id: str) -> None:
    """Cases are keyed by the chat's session id: nothing else (Rasa's sender may be anything) gets in."""
    from bot.gateway.ids import is_session_id

    if not is_session_id(session_id):
        raise ValueError("invalid session id")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(value: Optional[dt.datetime]) -> Optional[dt.datetime]:
    """SQLite returns naive datetimes; everything is stored in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


# -- value objects (what callers see; no ORM objects leave the inbox) ------------
@dataclass(frozen=True)
class Case:
    id: str
    session_id: str
    state: str
    created_at: dt.datetime
    accepted_at: Optional[dt.datetime] = None
    ended_at: Optional[dt.datetime] = None
    staff_user_id: Optional[int] = None
    staff_name: Optional[str] = None
    ended_by: Optional[str] = None
    reason: Optional[str] = None
    transcript: list[dict[str, Any]] = field(default_factory=list)
    rasa_resumed: bool = False

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES


@dataclass(frozen=True)
class Message:
    event_id: int
    case_id: str
    kind: str  # citizen | staff | bot | note | system
    text: Optional[str]
    author: Optional[str]
    created_at: dt.datetime
    visible_to_citizen: bool
    message: Optional[dict[str, Any]] = None  # what the citizen receives


@dataclass(frozen=True)
class QueueInfo:
    position: int  # 1 = next
    wait_minutes: int


@dataclass(frozen=True)
class CallbackRequest:
    id: str
    session_id: str
    status: str
    consent_at: dt.datetime
    consent_text: str
    contact: Optional[str]
    contact_kind: Optional[str]
    message: Optional[str]
    created_at: dt.datetime
    due_date: Optional[dt.date]
    done_at: Optional[dt.datetime] = None
    done_by: Optional[str] = None
    transcript: list[dict[str, Any]] = field(default_factory=list)


class Inbox(Protocol):
    """What Schängel needs from an inbox. Methods are synchronous; callers in async code use threads."""

    # citizen side (actions and the gateway's chat branch)
    def open_case(self, session_id: str, transcript: Sequence[dict[str, Any]], reason: Optional[str] = None) -> Case: ...
    def active_case(self, session_id: str) -> Optional[Case]: ...
    def latest_case(self, session_id: str) -> Optional[Case]: ...
    def queue_info(self, case_id: str, default_wait_minutes: int = 3) -> Optional[QueueInfo]: ...
    def add_citizen_message(self, case_id: str, text: str) -> Message: ...
    def add_bot_message(self, case_id: str, message: dict[str, Any]) -> Message: ...
    def citizen_events(self, session_id: str, after: int = 0, limit: int = 100) -> list[Message]: ...
    def cancel(self, case_id: str) -> Optional[Case]: ...
    def expire_unaccepted(self, older_than: dt.datetime) -> list[Case]: ...
    def cases_to_resume(self) -> list[Case]: ...
    def mark_resumed(self, case_id: str) -> None: ...
    # callbacks (only after explicit consent)
    def begin_callback(self, session_id: str, consent_text: str, transcript: Sequence[dict[str, Any]],
                       due_date: Optional[dt.date]) -> CallbackRequest: ...
    def pending_callback(self, session_id: str) -> Optional[CallbackRequest]: ...
    def complete_callback(self, callback_id: str, contact: str, contact_kind: str, message: str) -> Optional[CallbackRequest]: ...
    def withdraw_callback(self, callback_id: str) -> None: ...
    # staff side (the console)
    def list_cases(self, states: Sequence[str]) -> list[Case]: ...
    def get_case(self, case_id: str) -> Optional[Case]: ...
    def case_messages(self, case_id: str) -> list[Message]: ...
    def accept(self, case_id: str, staff_user_id: int, staff_name: str) -> bool: ...
    def staff_reply(self, case_id: str, staff_user_id: int, text: str, message: dict[str, Any]) -> Optional[Message]: ...
    def add_note(self, case_id: str, author: str, text: str) -> Message: ...
    def close(self, case_id: str, staff_user_id: int) -> Optional[Case]: ...
    def list_callbacks(self, statuses: Sequence[str]) -> list[CallbackRequest]: ...
    def mark_callback_done(self, callback_id: str, staff_name: str) -> bool: ...
    # retention
    def purge(self, ended_before: dt.datetime) -> int: ...


class SqlInbox:
    """The built-in inbox on Schängel's own database (``SCHAENGEL_DATABASE_URL``)."""

    def __init__(self, sessions: sessionmaker) -> None:
        self._sessions = sessions

    # ------------------------------------------------------------ conversions
    @staticmethod
    def _case(row: CaseRow) -> Case:
        return Case(
            id=row.public_id, session_id=row.session_id, state=row.state, created_at=_utc(row.created_at),
            accepted_at=_utc(row.accepted_at), ended_at=_utc(row.ended_at), staff_user_id=row.staff_user_id,
            staff_name=row.staff_name, ended_by=row.ended_by, reason=row.reason,
            transcript=json.loads(row.transcript or "[]"), rasa_resumed=bool(row.rasa_resumed),
        )

    @staticmethod
    def _message(row: MessageRow, case_public_id: str) -> Message:
        return Message(
            event_id=row.id, case_id=case_public_id, kind=row.kind, text=row.text, author=row.author,
            created_at=_utc(row.created_at), visible_to_citizen=bool(row.visible_to_citizen),
            message=json.loads(row.message) if row.message else None,
        )

    @staticmethod
    def _callback(row: CallbackRow) -> CallbackRequest:
        return CallbackRequest(
            id=row.public_id, session_id=row.session_id, status=row.status, consent_at=_utc(row.consent_at),
            consent_text=row.consent_text, contact=row.contact, contact_kind=row.contact_kind,
            message=row.message, created_at=_utc(row.created_at), due_date=row.due_date,
            done_at=_utc(row.done_at), done_by=row.done_by, transcript=json.loads(row.transcript or "[]"),
        )

    def _case_row(self, session: Any, case_id: str) -> Optional[CaseRow]:
        return session.execute(select(CaseRow).where(CaseRow.public_id == case_id)).scalar_one_or_none()

    # ------------------------------------------------------------ citizen side
    def open_case(self, session_id: str, transcript: Sequence[dict[str, Any]], reason: Optional[str] = None) -> Case:
        _check_session_id(session_id)
        with self._sessions.begin() as session:
            existing = session.execute(
                select(CaseRow).where(CaseRow.session_id == session_id, CaseRow.state.in_(ACTIVE_STATES))
            ).scalars().first()
            if existing is not None:
                return self._case(existing)
            row = CaseRow(
                public_id=uuid.uuid4().hex, session_id=session_id, state="queued", created_at=utcnow(),
                transcript=json.dumps(list(transcript), ensure_ascii=False), reason=reason, rasa_resumed=False,
            )
            session.add(row)
            session.flush()
            return self._case(row)

    def active_case(self, session_id: str) -> Optional[Case]:
        with self._sessions() as session:
            row = session.execute(
                select(CaseRow).where(CaseRow.session_id == session_id, CaseRow.state.in_(ACTIVE_STATES))
                .order_by(CaseRow.id.desc())
            ).scalars().first()
            return self._case(row) if row else None

    def latest_case(self, session_id: str) -> Optional[Case]:
        with self._sessions() as session:
            row = session.execute(
                select(CaseRow).where(CaseRow.session_id == session_id).order_by(CaseRow.id.desc())
            ).scalars().first()
            return self._case(row) if row else None

    def queue_info(self, case_id: str, default_wait_minutes: int = 3) -> Optional[QueueInfo]:
        """Position among queued cases and an expected wait from recent accept times."""
        with self._sessions() as session:
            row = self._case_row(session, case_id)
            if row is None or row.state != "queued":
                return None
            ahead = session.execute(
                select(func.count()).select_from(CaseRow)
                .where(CaseRow.state == "queued", CaseRow.id < row.id)
            ).scalar_one()
            recent = session.execute(
                select(CaseRow.created_at, CaseRow.accepted_at).where(CaseRow.accepted_at.is_not(None))
                .order_by(CaseRow.accepted_at.desc()).limit(20)
            ).all()
        position = int(ahead) + 1
        if len(recent) >= 3:
            seconds = sum((_utc(a) - _utc(c)).total_seconds() for c, a in recent) / len(recent)
            per_case = max(1.0, seconds / 60)
        else:
            per_case = float(default_wait_minutes)
        return QueueInfo(position, max(1, round(per_case * position)))

    def _add_message(self, session: Any, row: CaseRow, kind: str, text: Optional[str], visible: bool,
                     message: Optional[dict[str, Any]] = None, author: Optional[str] = None) -> Message:
        msg = MessageRow(
            case_id=row.id, session_id=row.session_id, kind=kind, visible_to_citizen=visible, text=text,
            message=json.dumps(message, ensure_ascii=False) if message is not None else None, author=author,
            created_at=utcnow(),
        )
        session.add(msg)
        session.flush()
        return self._message(msg, row.public_id)

    def add_citizen_message(self, case_id: str, text: str) -> Message:
        with self._sessions.begin() as session:
            row = self._case_row(session, case_id)
            if row is None:
                raise KeyError(case_id)
            return self._add_message(session, row, "citizen", text, False)

    def add_bot_message(self, case_id: str, message: dict[str, Any]) -> Message:
        """A message the citizen receives from the bot during/after the case (via the events stream)."""
        with self._sessions.begin() as session:
            row = self._case_row(session, case_id)
            if row is None:
                raise KeyError(case_id)
            payload = {**message, "from": "bot", "sender": "bot"}
            return self._add_message(session, row, "bot", message.get("text"), True, payload)

    def add_system_message(self, case_id: str, text: str) -> Message:
        """A note for staff only, written by the system (e.g. "citizen cancelled")."""
        with self._sessions.begin() as session:
            row = self._case_row(session, case_id)
            if row is None:
                raise KeyError(case_id)
            return self._add_message(session, row, "system", text, False)

    def citizen_events(self, session_id: str, after: int = 0, limit: int = 100) -> list[Message]:
        with self._sessions() as session:
            rows = session.execute(
                select(MessageRow, CaseRow.public_id).join(CaseRow, CaseRow.id == MessageRow.case_id)
                .where(MessageRow.session_id == session_id, MessageRow.visible_to_citizen.is_(True),
                       MessageRow.id > after)
                .order_by(MessageRow.id).limit(limit)
            ).all()
            return [self._message(row, public_id) for row, public_id in rows]

    def _end(self, case_id: str, from_states: Sequence[str], new_state: str, ended_by: str,
             staff_user_id: Optional[int] = None) -> Optional[Case]:
        """Conditional UPDATE: exactly one caller moves a case out of ``from_states``."""
        with self._sessions.begin() as session:
            conditions = [CaseRow.public_id == case_id, CaseRow.state.in_(from_states)]
            if staff_user_id is not None:
                conditions.append(CaseRow.staff_user_id == staff_user_id)
            result = session.execute(
                update(CaseRow).where(and_(*conditions))
                .values(state=new_state, ended_at=utcnow(), ended_by=ended_by)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:
                return None
            return self._case(self._case_row(session, case_id))

    def cancel(self, case_id: str) -> Optional[Case]:
        return self._end(case_id, ACTIVE_STATES, "cancelled", "citizen")

    def expire_unaccepted(self, older_than: dt.datetime) -> list[Case]:
        with self._sessions() as session:
            candidates = session.execute(
                select(CaseRow.public_id).where(CaseRow.state == "queued", CaseRow.created_at < older_than)
            ).scalars().all()
        expired = []
        for public_id in candidates:
            case = self._end(public_id, ("queued",), "expired", "timeout")
            if case is not None:
                expired.append(case)
        return expired

    def cases_to_resume(self) -> list[Case]:
        with self._sessions() as session:
            rows = session.execute(
                select(CaseRow).where(CaseRow.state.not_in(ACTIVE_STATES), CaseRow.rasa_resumed.is_(False))
            ).scalars().all()
            return [self._case(row) for row in rows]

    def mark_resumed(self, case_id: str) -> None:
        with self._sessions.begin() as session:
            session.execute(update(CaseRow).where(CaseRow.public_id == case_id).values(rasa_resumed=True))

    # ------------------------------------------------------------ callbacks
    def begin_callback(self, session_id: str, consent_text: str, transcript: Sequence[dict[str, Any]],
                       due_date: Optional[dt.date]) -> CallbackRequest:
        _check_session_id(session_id)
        with self._sessions.begin() as session:
            session.execute(
                update(CallbackRow).where(CallbackRow.session_id == session_id,
                                          CallbackRow.status == "awaiting_contact").values(status="withdrawn")
            )
            row = CallbackRow(
                public_id=uuid.uuid4().hex, session_id=session_id, status="awaiting_contact", consent_at=utcnow(),
                consent_text=consent_text, transcript=json.dumps(list(transcript), ensure_ascii=False),
                created_at=utcnow(), due_date=due_date,
            )
            session.add(row)
            session.flush()
            return self._callback(row)

    def pending_callback(self, session_id: str) -> Optional[CallbackRequest]:
        with self._sessions() as session:
            row = session.execute(
                select(CallbackRow).where(CallbackRow.session_id == session_id,
                                          CallbackRow.status == "awaiting_contact").order_by(CallbackRow.id.desc())
            ).scalars().first()
            return self._callback(row) if row else None

    def complete_callback(self, callback_id: str, contact: str, contact_kind: str, message: str) -> Optional[CallbackRequest]:
        with self._sessions.begin() as session:
            result = session.execute(
                update(CallbackRow).where(CallbackRow.public_id == callback_id,
                                          CallbackRow.status == "awaiting_contact")
                .values(status="open", contact=contact, contact_kind=contact_kind, message=message)
            )
            if result.rowcount != 1:
                return None
            row = session.execute(select(CallbackRow).where(CallbackRow.public_id == callback_id)).scalar_one()
            return self._callback(row)

    def withdraw_callback(self, callback_id: str) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(CallbackRow).where(CallbackRow.public_id == callback_id,
                                          CallbackRow.status == "awaiting_contact")
                .values(status="withdrawn", contact=None, message=None)
            )

    # ------------------------------------------------------------ staff side
    def list_cases(self, states: Sequence[str]) -> list[Case]:
        with self._sessions() as session:
            rows = session.execute(
                select(CaseRow).where(CaseRow.state.in_(states)).order_by(CaseRow.id)
            ).scalars().all()
            return [self._case(row) for row in rows]

    def get_case(self, case_id: str) -> Optional[Case]:
        with self._sessions() as session:
            row = self._case_row(session, case_id)
            return self._case(row) if row else None

    def case_messages(self, case_id: str) -> list[Message]:
        with self._sessions() as session:
            row = self._case_row(session, case_id)
            if row is None:
                return []
            rows = session.execute(
                select(MessageRow).where(MessageRow.case_id == row.id).order_by(MessageRow.id)
            ).scalars().all()
            return [self._message(r, case_id) for r in rows]

    def accept(self, case_id: str, staff_user_id: int, staff_name: str) -> bool:
        """Only one member of staff gets a case: a conditional UPDATE on ``state='queued'``."""
        with self._sessions.begin() as session:
            result = session.execute(
                update(CaseRow).where(CaseRow.public_id == case_id, CaseRow.state == "queued")
                .values(state="connected", accepted_at=utcnow(), staff_user_id=staff_user_id, staff_name=staff_name)
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1

    def add_case_event(self, case_id: str, kind: str, text: Optional[str], visible: bool,
                       message: Optional[dict[str, Any]] = None, author: Optional[str] = None) -> Message:
        with self._sessions.begin() as session:
            row = self._case_row(session, case_id)
            if row is None:
                raise KeyError(case_id)
            return self._add_message(session, row, kind, text, visible, message, author)

    def staff_reply(self, case_id: str, staff_user_id: int, text: str, message: dict[str, Any]) -> Optional[Message]:
        """Store a reply of the assigned member of staff; None if the case is not theirs or not connected."""
        with self._sessions.begin() as session:
            row = session.execute(
                select(CaseRow).where(CaseRow.public_id == case_id, CaseRow.state == "connected",
                                      CaseRow.staff_user_id == staff_user_id)
            ).scalar_one_or_none()
            if row is None:
                return None
            return self._add_message(session, row, "staff", text, True, message, row.staff_name)

    def add_note(self, case_id: str, author: str, text: str) -> Message:
        return self.add_case_event(case_id, "note", text, False, None, author)

    def close(self, case_id: str, staff_user_id: int) -> Optional[Case]:
        return self._end(case_id, ("connected",), "closed", "staff", staff_user_id)

    def list_callbacks(self, statuses: Sequence[str]) -> list[CallbackRequest]:
        with self._sessions() as session:
            rows = session.execute(
                select(CallbackRow).where(CallbackRow.status.in_(statuses)).order_by(CallbackRow.id)
            ).scalars().all()
            return [self._callback(row) for row in rows]

    def mark_callback_done(self, callback_id: str, staff_name: str) -> bool:
        with self._sessions.begin() as session:
            result = session.execute(
                update(CallbackRow).where(CallbackRow.public_id == callback_id, CallbackRow.status == "open")
                .values(status="done", done_at=utcnow(), done_by=staff_name)
            )
            return result.rowcount == 1

    # ------------------------------------------------------------ retention
    def purge(self, ended_before: dt.datetime) -> int:
        """Delete cases (with their messages) that ended before ``ended_before``, finished callback
        requests, and consents nobody followed up with contact details. Open requests stay."""
        with self._sessions.begin() as session:
            # ended cases go whether or not Rasa could be resumed: retention must not depend on Rasa
            old = select(CaseRow.id).where(CaseRow.state.not_in(ACTIVE_STATES), CaseRow.ended_at < ended_before)
            ids = list(session.execute(old).scalars())
            no_sync = {"synchronize_session": False}
            session.execute(delete(MessageRow).where(MessageRow.case_id.in_(ids)).execution_options(**no_sync))
            cases = session.execute(delete(CaseRow).where(CaseRow.id.in_(ids)).execution_options(**no_sync)).rowcount
            done = session.execute(delete(CallbackRow).where(
                CallbackRow.status.in_(("done", "withdrawn", "awaiting_contact")),
                CallbackRow.created_at < ended_before).execution_options(**no_sync)).rowcount
        return int(cases or 0) + int(done or 0)
