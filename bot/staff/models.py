"""Tables for staff users and their login sessions."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String

from bot.db import Base


class StaffUserRow(Base):
    __tablename__ = "staff_user"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    display_name = Column(String(120), nullable=True)
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime(timezone=True), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False)
    last_login_at = Column(DateTime(timezone=True), nullable=True)


class StaffSessionRow(Base):
    """A login. Only the SHA-256 of the cookie token is stored."""

    __tablename__ = "staff_session"

    token_hash = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("staff_user.id"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False)
    expires_at = Column(DateTime(timezone=True), nullable=False)


class StaffLoginGuardRow(Base):
    """Failed logins per (user name, client IP) – also for names that do not exist, so the lock-out
    tells nothing about which accounts exist. ``key`` is a SHA-256, no name or IP is stored readable."""

    __tablename__ = "staff_login_guard"

    key = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime(timezone=True), nullable=True)
