"""The public web gateway: the only entry point citizens' browsers talk to."""
