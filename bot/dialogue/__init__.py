"""Dialogue logic behind the Rasa actions: pure functions from what the citizen said
(text, intent, context) to reply-contract messages. Tested without Rasa."""
