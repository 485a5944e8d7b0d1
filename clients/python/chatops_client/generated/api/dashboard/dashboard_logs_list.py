from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dashboard_logs_list_level import check_dashboard_logs_list_level
from ...models.dashboard_logs_list_level import DashboardLogsListLevel
from ...models.dashboard_logs_list_response_200 import DashboardLogsListResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    level: DashboardLogsListLevel | Unset = UNSET,
    limit: int | Unset = 100,
    source: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level

    params["level"] = json_level

    params["limit"] = limit

    params["source"] = source


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dashboard/logs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DashboardLogsListResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = DashboardLogsListResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DashboardLogsListResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    level: DashboardLogsListLevel | Unset = UNSET,
    limit: int | Unset = 100,
    source: str | Unset = UNSET,

) -> Response[DashboardLogsListResponse200 | Error]:
    """ The newest log lines of the fleet you see

    Args:
        level (DashboardLogsListLevel | Unset):
        limit (int | Unset):  Default: 100.
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DashboardLogsListResponse200 | Error]
     """


    kwargs = _get_kwargs(
        level=level,
limit=limit,
source=source,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    level: DashboardLogsListLevel | Unset = UNSET,
    limit: int | Unset = 100,
    source: str | Unset = UNSET,

) -> DashboardLogsListResponse200 | Error | None:
    """ The newest log lines of the fleet you see

    Args:
        level (DashboardLogsListLevel | Unset):
        limit (int | Unset):  Default: 100.
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DashboardLogsListResponse200 | Error
     """


    return sync_detailed(
        client=client,
level=level,
limit=limit,
source=source,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    level: DashboardLogsListLevel | Unset = UNSET,
    limit: int | Unset = 100,
    source: str | Unset = UNSET,

) -> Response[DashboardLogsListResponse200 | Error]:
    """ The newest log lines of the fleet you see

    Args:
        level (DashboardLogsListLevel | Unset):
        limit (int | Unset):  Default: 100.
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DashboardLogsListResponse200 | Error]
     """


    kwargs = _get_kwargs(
        level=level,
limit=limit,
source=source,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    level: DashboardLogsListLevel | Unset = UNSET,
    limit: int | Unset = 100,
    source: str | Unset = UNSET,

) -> DashboardLogsListResponse200 | Error | None:
    """ The newest log lines of the fleet you see

    Args:
        level (DashboardLogsListLevel | Unset):
        limit (int | Unset):  Default: 100.
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DashboardLogsListResponse200 | Error
     """


    return (await asyncio_detailed(
        client=client,
level=level,
limit=limit,
source=source,

    )).parsed
