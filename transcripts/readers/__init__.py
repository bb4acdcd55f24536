"""Readers: one module per input format, each turning decoded input into a `Transcript`."""
