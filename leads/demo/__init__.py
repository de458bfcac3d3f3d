"""Realistic demo data for local runs and load tests (`manage.py seed_demo`).

vocabulary and catalogue hold the word lists and vehicle models; people,
vehicles and milestones make a lead's contact data, vehicles and dates;
generate assembles whole batches of rows; dealerships creates the accounts
and their staff; writers store the batches (COPY on PostgreSQL, bulk_create
elsewhere).
"""
