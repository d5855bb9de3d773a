"""Participant mode: a self-paced timed test on one laptop, kiosk-safe and resumable."""
