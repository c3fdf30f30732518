"""Tables of the built-in inbox (SQLAlchemy; SQLite by default, PostgreSQL by URL)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Text

from bot.db import Base

#: case states; ``queued`` and ``connected`` are "active" (Rasa is paused)
ACTIVE_STATES = ("queued", "connected")
END_STATES = ("closed", "cancelled", "expired")


class CaseRow(Base):
    __tablename__ = "handoff_case"

    id = Column(Integer, primary_key=True)
    public_id = Column(String(32), nullable=False, unique=True)
    session_id = Column(String(64), nullable=False, index=True)
    state = Column(String(16), nullable=False, index=True)
    created_at = Column(DateTime(timezone=True), nullable=False)
    accepted_at = Column(DateTime(timezone=True), nullable=True)
    ended_at = Column(DateTime(timezone=True), nullable=True)
    staff_user_id = Column(Integer, nullable=True)
    staff_name = Column(String(120), nullable=True)
    ended_by = Column(String(16), nullable=True)  # staff | citizen | timeout
    #: JSON: what happened before the handoff (citizen and bot, with what NLU understood)
    transcript = Column(Text, nullable=False, default="[]")
    reason = Column(String(32), nullable=True)  # request_human | case_status | fallback
    #: Rasa was told ConversationResumed after the case ended (retried until true)
    rasa_resumed = Column(Boolean, nullable=False, default=False)


class MessageRow(Base):
    """Everything said during a case, in order. ``id`` is the citizen's event id."""

    __tablename__ = "handoff_message"

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("handoff_case.id"), nullable=False, index=True)
    session_id = Column(String(64), nullable=False)
    kind = Column(String(16), nullable=False)  # citizen | staff | bot | note | system
    visible_to_citizen = Column(Boolean, nullable=False)
    text = Column(Text, nullable=True)
    #: JSON of the chat message the citizen receives ({id, text?, custom?, buttons?, from, …})
    message = Column(Text, nullable=True)
    author = Column(String(120), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False)


Index("ix_handoff_message_session_id_id", MessageRow.session_id, MessageRow.id)


class CallbackRow(Base):
    """A callback/e-mail request, stored only after explicit consent."""

    __tablename__ = "handoff_callback"

    id = Column(Integer, primary_key=True)
    public_id = Column(String(32), nullable=False, unique=True)
    session_id = Column(String(64), nullable=False, index=True)
    status = Column(String(24), nullable=False, index=True)  # awaiting_contact | open | done | withdrawn
    consent_at = Column(DateTime(timezone=True), nullable=False)
    consent_text = Column(Text, nullable=False)
    contact = Column(String(320), nullable=True)
    contact_kind = Column(String(8), nullable=True)  # phone | email
    message = Column(Text, nullable=True)
    transcript = Column(Text, nullable=False, default="[]")
    created_at = Column(DateTime(timezone=True), nullable=False)
    due_date = Column(Date, nullable=True)
    done_at = Column(DateTime(timezone=True), nullable=True)
    done_by = Column(String(120), nullable=True)
