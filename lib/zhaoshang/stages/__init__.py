"""Stages: one input file to one :class:`zhaoshang.model.CleanDocument` (ingest, repair, clean, process)."""
