"""Errors that service functions raise, with messages meant for the person at the screen."""


class DomainError(Exception):
    """A step that cannot be taken as asked. The message says why, in plain words.

    `field` names the input at fault, where there is one, so forms can show the message
    beside it and the API can name it.
    """

    status = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class AccessDenied(DomainError):
    """The actor may see the object but may not take this step (HTTP 403)."""

    status = 403


class NotVisible(DomainError):
    """The object does not exist for this actor (HTTP 404): its existence is not revealed."""

    status = 404


class Conflict(DomainError):
    """Someone else changed the object first (HTTP 409); nothing was overwritten."""

    status = 409
