"""Rasa custom actions: thin adapters from a Rasa tracker to the ``bot`` package.

Loaded by the action server (``python -m bot.internal.action_server``: rasa-sdk behind the internal
secret). Logic belongs in ``bot/`` where it is unit-tested without Rasa.
"""
