"""Charts of the tables (matplotlib, with a real CJK face), one module per analysis."""
