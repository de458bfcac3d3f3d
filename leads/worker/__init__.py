"""The background worker (procrastinate, in the same PostgreSQL): what
every job shares. Failures are kept with their error (failures.py), jobs
of a worker that died are retried (jobs.py), the worker's heartbeat tells
/health it is up (health.py), and superusers see and steer the jobs in
the admin (admin.py). The jobs themselves live in each app's jobs.py."""
