"""Rasa custom actions: thin adapters from a Rasa tracker to the ``bot`` package.

Loaded by the action server (``python -m rasa_sdk --actions actions``). Logic
belongs in ``bot/`` where it is unit-tested without Rasa.
"""
