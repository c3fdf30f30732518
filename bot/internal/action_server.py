"""The action server (rasa-sdk) with the internal secret check.

    python -m bot.internal.action_server --port 5055 [--actions actions]

Same app and options as ``python -m rasa_sdk``, plus: every route except ``/health`` needs the header
``X-Schaengel-Secret`` with ``SCHAENGEL_INTERNAL_SECRET`` (Rasa sends it, see ``endpoints.yml``), else
``401``; without a secret the server does not start. Binds to ``SANIC_HOST``, default 127.0.0.1.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Optional, Sequence

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app as create_sdk_app
from rasa_sdk.endpoint import create_argument_parser, create_ssl_context
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import load_settings
from bot.internal import SECRET_HEADER, secret_matches, secret_problem

#: the only route reachable without the secret: the supervisor's and the gateway's readiness probe
OPEN_PATHS = frozenset({"/health"})


def create_app(secret: str, actions: str = "actions", cors_origins: Optional[list[str]] = None,
               auto_reload: bool = False) -> Sanic:
    """rasa-sdk's app (action executor with ``actions`` registered) behind the secret check."""
    problem = secret_problem(secret)
    if problem:
        raise ValueError(problem)
    app = create_sdk_app(actions, cors_origins=cors_origins, auto_reload=auto_reload)

    async def require_secret(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS or secret_matches(request.headers.get(SECRET_HEADER), secret):
            return None
        # nothing of the request is echoed (rasa-sdk's own error handler would return the body)
        return response.json({"error": "unauthorized"}, status=401)

    # runs before every route handler; a method a route lacks (OPTIONS /webhook) gets sanic-cors' empty
    # answer before any middleware, and no handler runs
    app.register_middleware(require_secret, "request")
    return app


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = create_argument_parser()
    parser.prog = "python -m bot.internal.action_server"
    parser.set_defaults(actions="actions")
    args = parser.parse_args(argv)
    secret = load_settings().internal_secret
    problem = secret_problem(secret)
    if problem:
        print(f"Action-Server startet nicht: {problem}", file=sys.stderr)
        return 2
    # logging as in ``python -m rasa_sdk`` (rasa_sdk.__main__.main_from_args)
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel, args.logging_config_file,
    )
    utils.update_sanic_log_level()
    app = create_app(secret, args.actions, args.cors, args.auto_reload)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl_context = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.run(os.environ.get("SANIC_HOST", "127.0.0.1"), args.port, ssl=ssl_context,
            workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())
