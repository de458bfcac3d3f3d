"""Leads that come in by themselves: ADF/XML by email and HTTP."""
