"""Staff accounts for the handoff console: scrypt password hashes, sessions, CSRF, lock-out.

Users are created only with ``python -m bot.staff add-user NAME`` (the password is
prompted for or read from stdin); there is no default account and no default password.
"""
from bot.staff.auth import (  # noqa: F401
    AuthError,
    LoginResult,
    StaffAuth,
    StaffPrincipal,
    hash_password,
    verify_password,
)
