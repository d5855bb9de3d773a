"""Kuis ASN domain core. Never imports Qt (a test checks this)."""
