"""The HTTP side: the JSON API with its OpenAPI description, the adviser's page, and saved cases.

    from benefitcalc.web.app import create_app
    app = create_app()          # an ASGI application (FastAPI)

``benefitcalc serve`` runs it under uvicorn (:mod:`benefitcalc.web.server`). One module per job:
:mod:`~benefitcalc.web.app` (the factory), :mod:`~benefitcalc.web.api_routes` and
:mod:`~benefitcalc.web.case_routes` (the endpoints), :mod:`~benefitcalc.web.models` (the request
bodies), :mod:`~benefitcalc.web.errors` (the one error shape), :mod:`~benefitcalc.web.body` (the
body limit and safe JSON), :mod:`~benefitcalc.web.auth` (the token), :mod:`~benefitcalc.web.access`
(the access log), :mod:`~benefitcalc.web.cases` (the SQLite store) and :mod:`~benefitcalc.web.page`
(the page's files in ``static/``).
"""
