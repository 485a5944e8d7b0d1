from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_user_or_directory_entry_list import PaginatedUserOrDirectoryEntryList
from ...models.users_list_order import check_users_list_order
from ...models.users_list_order import UsersListOrder
from ...models.users_list_role import check_users_list_role
from ...models.users_list_role import UsersListRole
from ...models.users_list_sort import check_users_list_sort
from ...models.users_list_sort import UsersListSort
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    is_active: bool | Unset = UNSET,
    order: UsersListOrder | Unset = UNSET,
    page: int | Unset = 1,
    role: UsersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: UsersListSort | Unset = UNSET,
    team: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["is_active"] = is_active

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role

    params["role"] = json_role

    params["search"] = search

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["team"] = team


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedUserOrDirectoryEntryList | None:
    if response.status_code == 200:
        response_200 = PaginatedUserOrDirectoryEntryList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedUserOrDirectoryEntryList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    is_active: bool | Unset = UNSET,
    order: UsersListOrder | Unset = UNSET,
    page: int | Unset = 1,
    role: UsersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: UsersListSort | Unset = UNSET,
    team: int | Unset = UNSET,

) -> Response[Error | PaginatedUserOrDirectoryEntryList]:
    """ Users (admins: every field; others: the directory)

     Users. Every role reads the directory; admins see every field and every user, and
    manage them.

    Args:
        is_active (bool | Unset):
        order (UsersListOrder | Unset):
        page (int | Unset):  Default: 1.
        role (UsersListRole | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (UsersListSort | Unset):
        team (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedUserOrDirectoryEntryList]
     """


    kwargs = _get_kwargs(
        is_active=is_active,
order=order,
page=page,
role=role,
search=search,
size=size,
sort=sort,
team=team,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    is_active: bool | Unset = UNSET,
    order: UsersListOrder | Unset = UNSET,
    page: int | Unset = 1,
    role: UsersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: UsersListSort | Unset = UNSET,
    team: int | Unset = UNSET,

) -> Error | PaginatedUserOrDirectoryEntryList | None:
    """ Users (admins: every field; others: the directory)

     Users. Every role reads the directory; admins see every field and every user, and
    manage them.

    Args:
        is_active (bool | Unset):
        order (UsersListOrder | Unset):
        page (int | Unset):  Default: 1.
        role (UsersListRole | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (UsersListSort | Unset):
        team (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedUserOrDirectoryEntryList
     """


    return sync_detailed(
        client=client,
is_active=is_active,
order=order,
page=page,
role=role,
search=search,
size=size,
sort=sort,
team=team,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    is_active: bool | Unset = UNSET,
    order: UsersListOrder | Unset = UNSET,
    page: int | Unset = 1,
    role: UsersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: UsersListSort | Unset = UNSET,
    team: int | Unset = UNSET,

) -> Response[Error | PaginatedUserOrDirectoryEntryList]:
    """ Users (admins: every field; others: the directory)

     Users. Every role reads the directory; admins see every field and every user, and
    manage them.

    Args:
        is_active (bool | Unset):
        order (UsersListOrder | Unset):
        page (int | Unset):  Default: 1.
        role (UsersListRole | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (UsersListSort | Unset):
        team (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedUserOrDirectoryEntryList]
     """


    kwargs = _get_kwargs(
        is_active=is_active,
order=order,
page=page,
role=role,
search=search,
size=size,
sort=sort,
team=team,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    is_active: bool | Unset = UNSET,
    order: UsersListOrder | Unset = UNSET,
    page: int | Unset = 1,
    role: UsersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: UsersListSort | Unset = UNSET,
    team: int | Unset = UNSET,

) -> Error | PaginatedUserOrDirectoryEntryList | None:
    """ Users (admins: every field; others: the directory)

     Users. Every role reads the directory; admins see every field and every user, and
    manage them.

    Args:
        is_active (bool | Unset):
        order (UsersListOrder | Unset):
        page (int | Unset):  Default: 1.
        role (UsersListRole | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (UsersListSort | Unset):
        team (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedUserOrDirectoryEntryList
     """


    return (await asyncio_detailed(
        client=client,
is_active=is_active,
order=order,
page=page,
role=role,
search=search,
size=size,
sort=sort,
team=team,

    )).parsed
