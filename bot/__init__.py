"""Schängel — the citizen chatbot of the city of Koblenz.

Pure logic lives in this package and is tested without Rasa: configuration, the
database, the reply contract, the service catalogue, opening hours, the handoff
inbox and the public web gateway.
"""
