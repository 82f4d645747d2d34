"""``cockpit serve``: the store's door to the outside (aiohttp).

An authenticated event API, the WhatsApp Business webhook, and the worker
that delivers the outbox. Like the UI, it uses the services only.
"""
