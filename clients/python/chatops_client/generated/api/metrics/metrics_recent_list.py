from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.metrics_recent_list_response_200 import MetricsRecentListResponse200
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    metric: str | Unset = 'cpu_percent',
    minutes: int | Unset = 15,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["metric"] = metric

    params["minutes"] = minutes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/metrics/recent",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MetricsRecentListResponse200 | None:
    if response.status_code == 200:
        response_200 = MetricsRecentListResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MetricsRecentListResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    metric: str | Unset = 'cpu_percent',
    minutes: int | Unset = 15,

) -> Response[Error | MetricsRecentListResponse200]:
    """ The last minutes of a metric, for every server

     One metric's last minutes for every server the user sees, in 1-minute averages (from the
    rollups, so the newest minute or two are not there yet): the overview's sparklines from one
    request, never one per server. Servers without data are left out.

    Args:
        metric (str | Unset):  Default: 'cpu_percent'.
        minutes (int | Unset):  Default: 15.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MetricsRecentListResponse200]
     """


    kwargs = _get_kwargs(
        metric=metric,
minutes=minutes,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    metric: str | Unset = 'cpu_percent',
    minutes: int | Unset = 15,

) -> Error | MetricsRecentListResponse200 | None:
    """ The last minutes of a metric, for every server

     One metric's last minutes for every server the user sees, in 1-minute averages (from the
    rollups, so the newest minute or two are not there yet): the overview's sparklines from one
    request, never one per server. Servers without data are left out.

    Args:
        metric (str | Unset):  Default: 'cpu_percent'.
        minutes (int | Unset):  Default: 15.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MetricsRecentListResponse200
     """


    return sync_detailed(
        client=client,
metric=metric,
minutes=minutes,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    metric: str | Unset = 'cpu_percent',
    minutes: int | Unset = 15,

) -> Response[Error | MetricsRecentListResponse200]:
    """ The last minutes of a metric, for every server

     One metric's last minutes for every server the user sees, in 1-minute averages (from the
    rollups, so the newest minute or two are not there yet): the overview's sparklines from one
    request, never one per server. Servers without data are left out.

    Args:
        metric (str | Unset):  Default: 'cpu_percent'.
        minutes (int | Unset):  Default: 15.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MetricsRecentListResponse200]
     """


    kwargs = _get_kwargs(
        metric=metric,
minutes=minutes,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    metric: str | Unset = 'cpu_percent',
    minutes: int | Unset = 15,

) -> Error | MetricsRecentListResponse200 | None:
    """ The last minutes of a metric, for every server

     One metric's last minutes for every server the user sees, in 1-minute averages (from the
    rollups, so the newest minute or two are not there yet): the overview's sparklines from one
    request, never one per server. Servers without data are left out.

    Args:
        metric (str | Unset):  Default: 'cpu_percent'.
        minutes (int | Unset):  Default: 15.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MetricsRecentListResponse200
     """


    return (await asyncio_detailed(
        client=client,
metric=metric,
minutes=minutes,

    )).parsed
