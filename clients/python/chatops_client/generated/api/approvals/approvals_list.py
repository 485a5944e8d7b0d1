from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.approvals_list_kind_item import ApprovalsListKindItem
from ...models.approvals_list_kind_item import check_approvals_list_kind_item
from ...models.approvals_list_order import ApprovalsListOrder
from ...models.approvals_list_order import check_approvals_list_order
from ...models.approvals_list_sort import ApprovalsListSort
from ...models.approvals_list_sort import check_approvals_list_sort
from ...models.approvals_list_status_item import ApprovalsListStatusItem
from ...models.approvals_list_status_item import check_approvals_list_status_item
from ...models.error import Error
from ...models.paginated_approval_list import PaginatedApprovalList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    kind: list[ApprovalsListKindItem] | Unset = UNSET,
    order: ApprovalsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApprovalsListSort | Unset = UNSET,
    status: list[ApprovalsListStatusItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item: str = kind_item_data
            json_kind.append(kind_item)


    params["kind"] = json_kind

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

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item: str = status_item_data
            json_status.append(status_item)


    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/approvals",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedApprovalList | None:
    if response.status_code == 200:
        response_200 = PaginatedApprovalList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedApprovalList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[ApprovalsListKindItem] | Unset = UNSET,
    order: ApprovalsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApprovalsListSort | Unset = UNSET,
    status: list[ApprovalsListStatusItem] | Unset = UNSET,

) -> Response[Error | PaginatedApprovalList]:
    """  Requests waiting for, or having had, a second person's approval. Operators and admins
    read and decide them; nobody decides their own.

    Args:
        kind (list[ApprovalsListKindItem] | Unset):
        order (ApprovalsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApprovalsListSort | Unset):
        status (list[ApprovalsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedApprovalList]
     """


    kwargs = _get_kwargs(
        kind=kind,
order=order,
page=page,
server=server,
size=size,
sort=sort,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    kind: list[ApprovalsListKindItem] | Unset = UNSET,
    order: ApprovalsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApprovalsListSort | Unset = UNSET,
    status: list[ApprovalsListStatusItem] | Unset = UNSET,

) -> Error | PaginatedApprovalList | None:
    """  Requests waiting for, or having had, a second person's approval. Operators and admins
    read and decide them; nobody decides their own.

    Args:
        kind (list[ApprovalsListKindItem] | Unset):
        order (ApprovalsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApprovalsListSort | Unset):
        status (list[ApprovalsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedApprovalList
     """


    return sync_detailed(
        client=client,
kind=kind,
order=order,
page=page,
server=server,
size=size,
sort=sort,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[ApprovalsListKindItem] | Unset = UNSET,
    order: ApprovalsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApprovalsListSort | Unset = UNSET,
    status: list[ApprovalsListStatusItem] | Unset = UNSET,

) -> Response[Error | PaginatedApprovalList]:
    """  Requests waiting for, or having had, a second person's approval. Operators and admins
    read and decide them; nobody decides their own.

    Args:
        kind (list[ApprovalsListKindItem] | Unset):
        order (ApprovalsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApprovalsListSort | Unset):
        status (list[ApprovalsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedApprovalList]
     """


    kwargs = _get_kwargs(
        kind=kind,
order=order,
page=page,
server=server,
size=size,
sort=sort,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: list[ApprovalsListKindItem] | Unset = UNSET,
    order: ApprovalsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: ApprovalsListSort | Unset = UNSET,
    status: list[ApprovalsListStatusItem] | Unset = UNSET,

) -> Error | PaginatedApprovalList | None:
    """  Requests waiting for, or having had, a second person's approval. Operators and admins
    read and decide them; nobody decides their own.

    Args:
        kind (list[ApprovalsListKindItem] | Unset):
        order (ApprovalsListOrder | Unset):
        page (int | Unset):  Default: 1.
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (ApprovalsListSort | Unset):
        status (list[ApprovalsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedApprovalList
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
order=order,
page=page,
server=server,
size=size,
sort=sort,
status=status,

    )).parsed
