import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

DRF_ENCODER = JSONEncoder()


class EnvelopedResponse(Response):
    """A body already in its envelope (a page, an error): rendered as is."""

    enveloped = True


class EnvelopeJSONRenderer(JSONRenderer):
    """Wraps one object in `{"data": ...}`; lists and errors come enveloped.

    Written by orjson, about ten times faster than the json module on a page
    of leads (bench/README.md). It writes datetimes as the contract does
    (UTC from the database, `+00:00`, whole seconds), so leads.api.reads
    leaves them to it; other types are converted as DRF's encoder does
    (decimals as numbers).
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        renderer_context = renderer_context or {}
        response = renderer_context.get("response")
        if (
            response is not None
            and response.status_code < 400
            and not getattr(response, "enveloped", False)
        ):
            data = {"data": data}
        option = orjson.OPT_OMIT_MICROSECONDS
        if self.get_indent(accepted_media_type, renderer_context):
            option |= orjson.OPT_INDENT_2
        try:
            return orjson.dumps(data, default=DRF_ENCODER.default, option=option)
        except orjson.JSONEncodeError:
            # Integers past 64 bits (`?page=99999999999999999999`) only fit
            # the json module; such bodies hold no datetimes to format.
            return super().render(data, accepted_media_type, renderer_context)
