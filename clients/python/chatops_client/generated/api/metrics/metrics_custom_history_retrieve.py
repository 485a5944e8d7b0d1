from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.metrics_custom_history_retrieve_response_200 import MetricsCustomHistoryRetrieveResponse200
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    end: datetime.datetime | float | Unset = UNSET,
    name: str,
    points: int | Unset = 300,
    start: datetime.datetime | float | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end: float | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.datetime):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    params["name"] = name

    params["points"] = points

    json_start: float | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.datetime):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_tags: str | Unset
    if isinstance(tags, Unset):
        json_tags = UNSET
    else:
        json_tags = tags
    params["tags"] = json_tags


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/metrics/custom/history",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MetricsCustomHistoryRetrieveResponse200 | None:
    if response.status_code == 200:
        response_200 = MetricsCustomHistoryRetrieveResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MetricsCustomHistoryRetrieveResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | float | Unset = UNSET,
    name: str,
    points: int | Unset = 300,
    start: datetime.datetime | float | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | MetricsCustomHistoryRetrieveResponse200]:
    """ A custom metric over time, in at most `points` buckets (avg, min, max)

    Args:
        end (datetime.datetime | float | Unset):
        name (str):
        points (int | Unset):  Default: 300.
        start (datetime.datetime | float | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MetricsCustomHistoryRetrieveResponse200]
     """


    kwargs = _get_kwargs(
        end=end,
name=name,
points=points,
start=start,
tags=tags,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | float | Unset = UNSET,
    name: str,
    points: int | Unset = 300,
    start: datetime.datetime | float | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | MetricsCustomHistoryRetrieveResponse200 | None:
    """ A custom metric over time, in at most `points` buckets (avg, min, max)

    Args:
        end (datetime.datetime | float | Unset):
        name (str):
        points (int | Unset):  Default: 300.
        start (datetime.datetime | float | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MetricsCustomHistoryRetrieveResponse200
     """


    return sync_detailed(
        client=client,
end=end,
name=name,
points=points,
start=start,
tags=tags,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | float | Unset = UNSET,
    name: str,
    points: int | Unset = 300,
    start: datetime.datetime | float | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | MetricsCustomHistoryRetrieveResponse200]:
    """ A custom metric over time, in at most `points` buckets (avg, min, max)

    Args:
        end (datetime.datetime | float | Unset):
        name (str):
        points (int | Unset):  Default: 300.
        start (datetime.datetime | float | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MetricsCustomHistoryRetrieveResponse200]
     """


    kwargs = _get_kwargs(
        end=end,
name=name,
points=points,
start=start,
tags=tags,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | float | Unset = UNSET,
    name: str,
    points: int | Unset = 300,
    start: datetime.datetime | float | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | MetricsCustomHistoryRetrieveResponse200 | None:
    """ A custom metric over time, in at most `points` buckets (avg, min, max)

    Args:
        end (datetime.datetime | float | Unset):
        name (str):
        points (int | Unset):  Default: 300.
        start (datetime.datetime | float | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MetricsCustomHistoryRetrieveResponse200
     """


    return (await asyncio_detailed(
        client=client,
end=end,
name=name,
points=points,
start=start,
tags=tags,

    )).parsed
