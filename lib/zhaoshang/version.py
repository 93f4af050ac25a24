"""The package's version, in the lowest layer so that every module (the CLI too) can read it."""
__version__ = "0.1.0"
