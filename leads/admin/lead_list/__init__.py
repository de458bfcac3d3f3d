"""The lead list, written in one pass: what keeps the agents' page within
2x of its SQL plus the admin's own fixed cost (bench/README.md).

Django's changelist works out every cell's kind, label and empty value one
at a time, renders a template per sidebar filter and per action widget,
and builds a model instance (with its users, phones and emails) per row.
Here a page is read as rows (rows.py, by changelist.py), each column's
rendering is worked out once a page (cells.py), the sidebar is written
without a template per filter (sidebar.py), and big lists are paged and
counted from indexes (paginator.py). templatetags.py hands them to the
admin's templates: templates/admin/leads/lead/change_list.html,
change_list_results.html and actions.html.

The markup is Django's own: tests/leads/test_admin_list_markup.py holds
rows, sidebar and action bar equal to what Django renders for the same
page, in English and French. docs/architecture.md says more.
"""
