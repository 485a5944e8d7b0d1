"""The ChatOps hub's Python SDK: :class:`ChatOps` (sync) and :class:`AsyncChatOps`, wrapping the
client generated from the hub's OpenAPI schema (:mod:`chatops_client.generated`)."""

from chatops_client._base import __version__
from chatops_client.aio import AsyncChatOps
from chatops_client.auth import Credentials
from chatops_client.client import ChatOps
from chatops_client.errors import (
    APIError,
    BadRequest,
    ChatOpsError,
    Conflict,
    Forbidden,
    NotFound,
    NotSignedIn,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
)
from chatops_client.retry import RetryPolicy

__all__ = [
    "APIError",
    "AsyncChatOps",
    "BadRequest",
    "ChatOps",
    "ChatOpsError",
    "Conflict",
    "Credentials",
    "Forbidden",
    "NotFound",
    "NotSignedIn",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailable",
    "Unauthorized",
    "__version__",
]
