"""The lead endpoints of /api/v2/: leads and their children (emails,
phones, vehicles). The dialect they share is config.api."""
