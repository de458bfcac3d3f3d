"""The two roles, as Django groups made by migration accounts/0002_roles.

A role names what a person may do; a lead's user slots name who works it.
BDC agents view, add and change leads and their contact data, and export
them; managers may also delete them and manage their dealership's staff.
"""

BDC_AGENT = "BDC agent"
MANAGER = "Manager"
