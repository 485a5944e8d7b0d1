from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.logs_list_level_item import check_logs_list_level_item
from ...models.logs_list_level_item import LogsListLevelItem
from ...models.logs_list_min_level import check_logs_list_min_level
from ...models.logs_list_min_level import LogsListMinLevel
from ...models.logs_list_order import check_logs_list_order
from ...models.logs_list_order import LogsListOrder
from ...models.logs_list_sort import check_logs_list_sort
from ...models.logs_list_sort import LogsListSort
from ...models.paginated_log_line_list import PaginatedLogLineList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    server_id: int,
    *,
    end: datetime.datetime | Unset = UNSET,
    level: list[LogsListLevelItem] | Unset = UNSET,
    min_level: LogsListMinLevel | Unset = UNSET,
    order: LogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: LogsListSort | Unset = UNSET,
    source: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    json_level: list[str] | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = []
        for level_item_data in level:
            level_item: str = level_item_data
            json_level.append(level_item)


    params["level"] = json_level

    json_min_level: str | Unset = UNSET
    if not isinstance(min_level, Unset):
        json_min_level = min_level

    params["min_level"] = json_min_level

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["search"] = search

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["source"] = source

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/logs/{server_id}".format(server_id=quote(str(server_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedLogLineList | None:
    if response.status_code == 200:
        response_200 = PaginatedLogLineList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedLogLineList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    server_id: int,
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    level: list[LogsListLevelItem] | Unset = UNSET,
    min_level: LogsListMinLevel | Unset = UNSET,
    order: LogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: LogsListSort | Unset = UNSET,
    source: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedLogLineList]:
    """ The server's log lines, newest first

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        level (list[LogsListLevelItem] | Unset):
        min_level (LogsListMinLevel | Unset):
        order (LogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (LogsListSort | Unset):
        source (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLogLineList]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
end=end,
level=level,
min_level=min_level,
order=order,
page=page,
search=search,
size=size,
sort=sort,
source=source,
start=start,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    server_id: int,
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    level: list[LogsListLevelItem] | Unset = UNSET,
    min_level: LogsListMinLevel | Unset = UNSET,
    order: LogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: LogsListSort | Unset = UNSET,
    source: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedLogLineList | None:
    """ The server's log lines, newest first

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        level (list[LogsListLevelItem] | Unset):
        min_level (LogsListMinLevel | Unset):
        order (LogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (LogsListSort | Unset):
        source (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLogLineList
     """


    return sync_detailed(
        server_id=server_id,
client=client,
end=end,
level=level,
min_level=min_level,
order=order,
page=page,
search=search,
size=size,
sort=sort,
source=source,
start=start,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    level: list[LogsListLevelItem] | Unset = UNSET,
    min_level: LogsListMinLevel | Unset = UNSET,
    order: LogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: LogsListSort | Unset = UNSET,
    source: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Response[Error | PaginatedLogLineList]:
    """ The server's log lines, newest first

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        level (list[LogsListLevelItem] | Unset):
        min_level (LogsListMinLevel | Unset):
        order (LogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (LogsListSort | Unset):
        source (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLogLineList]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
end=end,
level=level,
min_level=min_level,
order=order,
page=page,
search=search,
size=size,
sort=sort,
source=source,
start=start,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    server_id: int,
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    level: list[LogsListLevelItem] | Unset = UNSET,
    min_level: LogsListMinLevel | Unset = UNSET,
    order: LogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: LogsListSort | Unset = UNSET,
    source: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Error | PaginatedLogLineList | None:
    """ The server's log lines, newest first

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        level (list[LogsListLevelItem] | Unset):
        min_level (LogsListMinLevel | Unset):
        order (LogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (LogsListSort | Unset):
        source (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLogLineList
     """


    return (await asyncio_detailed(
        server_id=server_id,
client=client,
end=end,
level=level,
min_level=min_level,
order=order,
page=page,
search=search,
size=size,
sort=sort,
source=source,
start=start,

    )).parsed
