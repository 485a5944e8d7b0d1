from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.commands_list_kind import check_commands_list_kind
from ...models.commands_list_kind import CommandsListKind
from ...models.commands_list_order import check_commands_list_order
from ...models.commands_list_order import CommandsListOrder
from ...models.commands_list_sort import check_commands_list_sort
from ...models.commands_list_sort import CommandsListSort
from ...models.commands_list_status import check_commands_list_status
from ...models.commands_list_status import CommandsListStatus
from ...models.error import Error
from ...models.paginated_command_history_list import PaginatedCommandHistoryList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    server_id: int,
    *,
    end: datetime.datetime | Unset = UNSET,
    kind: CommandsListKind | Unset = UNSET,
    order: CommandsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    requested_by: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: CommandsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: CommandsListStatus | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["requested_by"] = requested_by

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/commands/{server_id}".format(server_id=quote(str(server_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedCommandHistoryList | None:
    if response.status_code == 200:
        response_200 = PaginatedCommandHistoryList.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedCommandHistoryList]:
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
    kind: CommandsListKind | Unset = UNSET,
    order: CommandsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    requested_by: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: CommandsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: CommandsListStatus | Unset = UNSET,

) -> Response[Error | PaginatedCommandHistoryList]:
    """ The server's command history

     Run a command on a server through its agent, and read the server's command history.
    Operators and admins only: commands and their output can carry secrets.

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        kind (CommandsListKind | Unset):
        order (CommandsListOrder | Unset):
        page (int | Unset):  Default: 1.
        requested_by (int | Unset):
        size (int | Unset):  Default: 20.
        sort (CommandsListSort | Unset):
        start (datetime.datetime | Unset):
        status (CommandsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommandHistoryList]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
end=end,
kind=kind,
order=order,
page=page,
requested_by=requested_by,
size=size,
sort=sort,
start=start,
status=status,

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
    kind: CommandsListKind | Unset = UNSET,
    order: CommandsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    requested_by: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: CommandsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: CommandsListStatus | Unset = UNSET,

) -> Error | PaginatedCommandHistoryList | None:
    """ The server's command history

     Run a command on a server through its agent, and read the server's command history.
    Operators and admins only: commands and their output can carry secrets.

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        kind (CommandsListKind | Unset):
        order (CommandsListOrder | Unset):
        page (int | Unset):  Default: 1.
        requested_by (int | Unset):
        size (int | Unset):  Default: 20.
        sort (CommandsListSort | Unset):
        start (datetime.datetime | Unset):
        status (CommandsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommandHistoryList
     """


    return sync_detailed(
        server_id=server_id,
client=client,
end=end,
kind=kind,
order=order,
page=page,
requested_by=requested_by,
size=size,
sort=sort,
start=start,
status=status,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    *,
    client: AuthenticatedClient,
    end: datetime.datetime | Unset = UNSET,
    kind: CommandsListKind | Unset = UNSET,
    order: CommandsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    requested_by: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: CommandsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: CommandsListStatus | Unset = UNSET,

) -> Response[Error | PaginatedCommandHistoryList]:
    """ The server's command history

     Run a command on a server through its agent, and read the server's command history.
    Operators and admins only: commands and their output can carry secrets.

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        kind (CommandsListKind | Unset):
        order (CommandsListOrder | Unset):
        page (int | Unset):  Default: 1.
        requested_by (int | Unset):
        size (int | Unset):  Default: 20.
        sort (CommandsListSort | Unset):
        start (datetime.datetime | Unset):
        status (CommandsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommandHistoryList]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
end=end,
kind=kind,
order=order,
page=page,
requested_by=requested_by,
size=size,
sort=sort,
start=start,
status=status,

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
    kind: CommandsListKind | Unset = UNSET,
    order: CommandsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    requested_by: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: CommandsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    status: CommandsListStatus | Unset = UNSET,

) -> Error | PaginatedCommandHistoryList | None:
    """ The server's command history

     Run a command on a server through its agent, and read the server's command history.
    Operators and admins only: commands and their output can carry secrets.

    Args:
        server_id (int):
        end (datetime.datetime | Unset):
        kind (CommandsListKind | Unset):
        order (CommandsListOrder | Unset):
        page (int | Unset):  Default: 1.
        requested_by (int | Unset):
        size (int | Unset):  Default: 20.
        sort (CommandsListSort | Unset):
        start (datetime.datetime | Unset):
        status (CommandsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommandHistoryList
     """


    return (await asyncio_detailed(
        server_id=server_id,
client=client,
end=end,
kind=kind,
order=order,
page=page,
requested_by=requested_by,
size=size,
sort=sort,
start=start,
status=status,

    )).parsed
