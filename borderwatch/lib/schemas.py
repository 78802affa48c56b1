"""The base of every API response schema.

Views build their responses as dicts (or plain objects) and pydantic validates them
directly. `ninja.Schema` would wrap every object, at every level, in its `DjangoGetter`
(for resolvers and ORM managers, which no response here uses): for a page of 50 incidents
that is some 1,400 attribute look-ups through Python, about 2 ms of the page's 11
(docs/PERFORMANCE.md). Request schemas stay `ninja.Schema`."""

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    """A response schema (see the module's docstring)."""

    model_config = ConfigDict(from_attributes=True)
