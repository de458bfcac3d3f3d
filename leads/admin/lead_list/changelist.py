"""A page of the lead list: which leads, columns and contact data it reads."""

from django.contrib.admin.views.main import ChangeList

from .rows import listed_leads


class LeadChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        # Rows, not model instances, and the preferred phone and email only:
        # three queries a page whatever its size.
        self.result_list = listed_leads(
            self.result_list, with_account="account" in self.list_display
        )
