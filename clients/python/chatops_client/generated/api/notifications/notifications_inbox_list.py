from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_inbox_item_list import PaginatedInboxItemList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 20,
    unread: bool | Unset = UNSET,
    unread_first: bool | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params["unread"] = unread

    params["unread_first"] = unread_first


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/notifications/inbox",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedInboxItemList | None:
    if response.status_code == 200:
        response_200 = PaginatedInboxItemList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedInboxItemList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    size: int | Unset = 20,
    unread: bool | Unset = UNSET,
    unread_first: bool | Unset = UNSET,

) -> Response[Error | PaginatedInboxItemList]:
    """ Your in-app notifications, newest first (or unread first), with your unread count

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        unread (bool | Unset):
        unread_first (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInboxItemList]
     """


    kwargs = _get_kwargs(
        page=page,
size=size,
unread=unread,
unread_first=unread_first,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    size: int | Unset = 20,
    unread: bool | Unset = UNSET,
    unread_first: bool | Unset = UNSET,

) -> Error | PaginatedInboxItemList | None:
    """ Your in-app notifications, newest first (or unread first), with your unread count

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        unread (bool | Unset):
        unread_first (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInboxItemList
     """


    return sync_detailed(
        client=client,
page=page,
size=size,
unread=unread,
unread_first=unread_first,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    size: int | Unset = 20,
    unread: bool | Unset = UNSET,
    unread_first: bool | Unset = UNSET,

) -> Response[Error | PaginatedInboxItemList]:
    """ Your in-app notifications, newest first (or unread first), with your unread count

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        unread (bool | Unset):
        unread_first (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInboxItemList]
     """


    kwargs = _get_kwargs(
        page=page,
size=size,
unread=unread,
unread_first=unread_first,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    size: int | Unset = 20,
    unread: bool | Unset = UNSET,
    unread_first: bool | Unset = UNSET,

) -> Error | PaginatedInboxItemList | None:
    """ Your in-app notifications, newest first (or unread first), with your unread count

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        unread (bool | Unset):
        unread_first (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInboxItemList
     """


    return (await asyncio_detailed(
        client=client,
page=page,
size=size,
unread=unread,
unread_first=unread_first,

    )).parsed
