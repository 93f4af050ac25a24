"""Analyses: a cleaned document in, table rows out (terms, figures, rhetoric, keyness, explore).

Each analysis reads a :class:`zhaoshang.model.CleanDocument` and the text
utilities below it; none reads files, knows about the corpus or draws.
"""
