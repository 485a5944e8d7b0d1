from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.metrics_list_order import check_metrics_list_order
from ...models.metrics_list_order import MetricsListOrder
from ...models.metrics_list_sort import check_metrics_list_sort
from ...models.metrics_list_sort import MetricsListSort
from ...models.paginated_custom_metric_list import PaginatedCustomMetricList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    end: datetime.datetime | Unset = UNSET,
    name: str | Unset = UNSET,
    order: MetricsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: MetricsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params["name"] = name

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["server"] = server

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    params["tags"] = tags


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/metrics",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedCustomMetricList | None:
    if response.status_code == 200:
        response_200 = PaginatedCustomMetricList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedCustomMetricList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    name: str | Unset = UNSET,
    order: MetricsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: MetricsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | PaginatedCustomMetricList]:
    """ Custom metric points

     Points sent by scripts and CI. Everyone reads; operators and admins send.

    Args:
        end (datetime.datetime | Unset):
        name (str | Unset):
        order (MetricsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (MetricsListSort | Unset):
        start (datetime.datetime | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCustomMetricList]
     """


    kwargs = _get_kwargs(
        end=end,
name=name,
order=order,
page=page,
server=server,
size=size,
sort=sort,
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
    end: datetime.datetime | Unset = UNSET,
    name: str | Unset = UNSET,
    order: MetricsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: MetricsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | PaginatedCustomMetricList | None:
    """ Custom metric points

     Points sent by scripts and CI. Everyone reads; operators and admins send.

    Args:
        end (datetime.datetime | Unset):
        name (str | Unset):
        order (MetricsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (MetricsListSort | Unset):
        start (datetime.datetime | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCustomMetricList
     """


    return sync_detailed(
        client=client,
end=end,
name=name,
order=order,
page=page,
server=server,
size=size,
sort=sort,
start=start,
tags=tags,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    name: str | Unset = UNSET,
    order: MetricsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: MetricsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | PaginatedCustomMetricList]:
    """ Custom metric points

     Points sent by scripts and CI. Everyone reads; operators and admins send.

    Args:
        end (datetime.datetime | Unset):
        name (str | Unset):
        order (MetricsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (MetricsListSort | Unset):
        start (datetime.datetime | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCustomMetricList]
     """


    kwargs = _get_kwargs(
        end=end,
name=name,
order=order,
page=page,
server=server,
size=size,
sort=sort,
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
    end: datetime.datetime | Unset = UNSET,
    name: str | Unset = UNSET,
    order: MetricsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: MetricsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | PaginatedCustomMetricList | None:
    """ Custom metric points

     Points sent by scripts and CI. Everyone reads; operators and admins send.

    Args:
        end (datetime.datetime | Unset):
        name (str | Unset):
        order (MetricsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (MetricsListSort | Unset):
        start (datetime.datetime | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCustomMetricList
     """


    return (await asyncio_detailed(
        client=client,
end=end,
name=name,
order=order,
page=page,
server=server,
size=size,
sort=sort,
start=start,
tags=tags,

    )).parsed
