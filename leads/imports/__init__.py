"""CSV import of leads in the admin: a manager uploads a file, checks how
its columns map to lead fields on a preview, and a job writes the leads
with COPY (reading.py, columns.py, validation.py, writing.py, importing.py,
jobs.py; the pages in admin.py and views.py)."""
