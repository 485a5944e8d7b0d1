from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_team_list import PaginatedTeamList
from ...models.teams_list_order import check_teams_list_order
from ...models.teams_list_order import TeamsListOrder
from ...models.teams_list_sort import check_teams_list_sort
from ...models.teams_list_sort import TeamsListSort
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    order: TeamsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: TeamsListSort | Unset = UNSET,
    tag: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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

    params["tag"] = tag


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/teams",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedTeamList | None:
    if response.status_code == 200:
        response_200 = PaginatedTeamList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedTeamList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    order: TeamsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: TeamsListSort | Unset = UNSET,
    tag: str | Unset = UNSET,

) -> Response[Error | PaginatedTeamList]:
    """ Teams (admins: all; others: their own)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        order (TeamsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (TeamsListSort | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTeamList]
     """


    kwargs = _get_kwargs(
        order=order,
page=page,
search=search,
size=size,
sort=sort,
tag=tag,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    order: TeamsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: TeamsListSort | Unset = UNSET,
    tag: str | Unset = UNSET,

) -> Error | PaginatedTeamList | None:
    """ Teams (admins: all; others: their own)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        order (TeamsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (TeamsListSort | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTeamList
     """


    return sync_detailed(
        client=client,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tag=tag,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    order: TeamsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: TeamsListSort | Unset = UNSET,
    tag: str | Unset = UNSET,

) -> Response[Error | PaginatedTeamList]:
    """ Teams (admins: all; others: their own)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        order (TeamsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (TeamsListSort | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTeamList]
     """


    kwargs = _get_kwargs(
        order=order,
page=page,
search=search,
size=size,
sort=sort,
tag=tag,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    order: TeamsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: TeamsListSort | Unset = UNSET,
    tag: str | Unset = UNSET,

) -> Error | PaginatedTeamList | None:
    """ Teams (admins: all; others: their own)

     Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``).

    Args:
        order (TeamsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (TeamsListSort | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTeamList
     """


    return (await asyncio_detailed(
        client=client,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tag=tag,

    )).parsed
