"""Writers: one module per output format, each turning a `Transcript` into text."""
