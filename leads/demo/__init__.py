"""Realistic demo data for local runs and load tests (`manage.py seed_demo`).

vocabulary and catalogue hold the word lists, people and vehicles make the
rows of one lead's contact data and vehicles, generate makes whole batches,
dealerships creates the accounts and their staff, and writers store batches
(COPY on PostgreSQL, bulk_create elsewhere).
"""
