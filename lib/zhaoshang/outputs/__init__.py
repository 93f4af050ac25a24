"""Outputs: what people see of the tables — exports, displays, plots, rendered reports."""
