from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_keys_me_list_order import ApiKeysMeListOrder
from ...models.api_keys_me_list_order import check_api_keys_me_list_order
from ...models.api_keys_me_list_sort import ApiKeysMeListSort
from ...models.api_keys_me_list_sort import check_api_keys_me_list_sort
from ...models.error import Error
from ...models.paginated_api_key_list import PaginatedAPIKeyList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    active: bool | Unset = UNSET,
    order: ApiKeysMeListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApiKeysMeListSort | Unset = UNSET,
    user: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["active"] = active

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

    params["user"] = user


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/api-keys/me",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedAPIKeyList | None:
    if response.status_code == 200:
        response_200 = PaginatedAPIKeyList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedAPIKeyList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    order: ApiKeysMeListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApiKeysMeListSort | Unset = UNSET,
    user: int | Unset = UNSET,

) -> Response[Error | PaginatedAPIKeyList]:
    """ Your own API keys

     API keys for agents and scripts. You see your own; admins see all.

    Args:
        active (bool | Unset):
        order (ApiKeysMeListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApiKeysMeListSort | Unset):
        user (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAPIKeyList]
     """


    kwargs = _get_kwargs(
        active=active,
order=order,
page=page,
server=server,
size=size,
sort=sort,
user=user,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    order: ApiKeysMeListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApiKeysMeListSort | Unset = UNSET,
    user: int | Unset = UNSET,

) -> Error | PaginatedAPIKeyList | None:
    """ Your own API keys

     API keys for agents and scripts. You see your own; admins see all.

    Args:
        active (bool | Unset):
        order (ApiKeysMeListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApiKeysMeListSort | Unset):
        user (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAPIKeyList
     """


    return sync_detailed(
        client=client,
active=active,
order=order,
page=page,
server=server,
size=size,
sort=sort,
user=user,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    order: ApiKeysMeListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApiKeysMeListSort | Unset = UNSET,
    user: int | Unset = UNSET,

) -> Response[Error | PaginatedAPIKeyList]:
    """ Your own API keys

     API keys for agents and scripts. You see your own; admins see all.

    Args:
        active (bool | Unset):
        order (ApiKeysMeListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApiKeysMeListSort | Unset):
        user (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAPIKeyList]
     """


    kwargs = _get_kwargs(
        active=active,
order=order,
page=page,
server=server,
size=size,
sort=sort,
user=user,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    order: ApiKeysMeListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApiKeysMeListSort | Unset = UNSET,
    user: int | Unset = UNSET,

) -> Error | PaginatedAPIKeyList | None:
    """ Your own API keys

     API keys for agents and scripts. You see your own; admins see all.

    Args:
        active (bool | Unset):
        order (ApiKeysMeListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApiKeysMeListSort | Unset):
        user (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAPIKeyList
     """


    return (await asyncio_detailed(
        client=client,
active=active,
order=order,
page=page,
server=server,
size=size,
sort=sort,
user=user,

    )).parsed
