"""Every API response is validated by pydantic directly (borderwatch/lib/schemas.py): no
response schema, at any depth, is a `ninja.Schema`, whose per-attribute getter cost a
page of 50 incidents about 3 ms."""

import typing

from ninja import Schema
from pydantic import BaseModel

from borderwatch.api import api
from borderwatch.lib.schemas import Out


def _models(annotation, seen):
    """The pydantic models named by `annotation`, at any depth."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in seen:
            seen.add(annotation)
            for field in annotation.model_fields.values():
                _models(field.annotation, seen)
        return seen
    for arg in typing.get_args(annotation):
        _models(arg, seen)
    return seen


def _response_schemas():
    found = {}
    for _prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                for status, wrapper in (operation.response_models or {}).items():
                    fields = getattr(wrapper, "model_fields", {})
                    if "response" in fields:  # ninja's wrapper around the declared schema
                        for model in _models(fields["response"].annotation, set()):
                            found.setdefault(model, f"{path} {status}")
    return found


def test_response_schemas_are_validated_by_pydantic_directly():
    schemas = _response_schemas()
    assert len(schemas) >= 20  # the walk reaches the nested schemas too
    slow = {m.__name__: where for m, where in schemas.items() if issubclass(m, Schema)}
    assert not slow, f"response schemas deriving from ninja.Schema, not Out: {slow}"
    assert all(issubclass(m, Out) for m in schemas)
