"""Static files as production stores them: hashed, compressed, and hashed inside modules too."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage, with ``import ... from "./x.js"`` in our ES
    modules rewritten to the hashed name as well.

    Without it, main.js imported the unhashed govuk-frontend.min.js, which WhiteNoise can cache
    for only WHITENOISE_MAX_AGE (an hour) because its content can change under the same name;
    the hashed name is cached for a year as immutable.
    """

    support_js_module_import_aggregation = True
