"""Click commands, one module each; they parse options and call the library, nothing more."""
