"""Thumbs up/down on bot answers, stored per message without personal data.

Only the message id, the rating and what kind of answer it was are stored: no
session id, no text. Staff analytics aggregate these rows.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.orm import sessionmaker

from bot.db import Base

RATINGS = ("up", "down")


class Feedback(Base):
    __tablename__ = "feedback"

    id = Column(Integer, primary_key=True)
    message_id = Column(String(64), nullable=False, index=True)
    rating = Column(String(8), nullable=False)
    card_type = Column(String(32), nullable=True)
    service_id = Column(String(128), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, index=True)


def record_feedback(
    sessions: sessionmaker,
    message_id: str,
    rating: str,
    card_type: Optional[str] = None,
    service_id: Optional[str] = None,
) -> None:
    """Store one rating; a second rating of the same message replaces the first."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS}")
    with sessions.begin() as session:
        session.query(Feedback).filter(Feedback.message_id == message_id).delete()
        session.add(
            Feedback(
                message_id=message_id,
                rating=rating,
                card_type=card_type,
                service_id=service_id,
                created_at=datetime.now(timezone.utc),
            )
        )
