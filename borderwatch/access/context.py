"""Template context: the acting identity, for the header and the navigation."""


def actor(request):
    return {"actor": getattr(request, "actor", None)}
