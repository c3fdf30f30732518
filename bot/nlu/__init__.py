"""Schängel's own NLU pieces that run inside the Rasa pipeline."""
