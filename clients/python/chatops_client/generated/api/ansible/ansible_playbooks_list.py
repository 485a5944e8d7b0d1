from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ansible_playbooks_list_order import AnsiblePlaybooksListOrder
from ...models.ansible_playbooks_list_order import check_ansible_playbooks_list_order
from ...models.ansible_playbooks_list_sort import AnsiblePlaybooksListSort
from ...models.ansible_playbooks_list_sort import check_ansible_playbooks_list_sort
from ...models.ansible_playbooks_list_status_item import AnsiblePlaybooksListStatusItem
from ...models.ansible_playbooks_list_status_item import check_ansible_playbooks_list_status_item
from ...models.error import Error
from ...models.paginated_execution_list import PaginatedExecutionList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    after: datetime.datetime | Unset = UNSET,
    order: AnsiblePlaybooksListOrder | Unset = UNSET,
    page: int | Unset = 1,
    playbook: str | Unset = UNSET,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: AnsiblePlaybooksListSort | Unset = UNSET,
    status: list[AnsiblePlaybooksListStatusItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_after: str | Unset = UNSET
    if not isinstance(after, Unset):
        json_after = after.isoformat()
    params["after"] = json_after

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["playbook"] = playbook

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
        "url": "/api/v1/ansible/playbooks",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedExecutionList | None:
    if response.status_code == 200:
        response_200 = PaginatedExecutionList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedExecutionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: datetime.datetime | Unset = UNSET,
    order: AnsiblePlaybooksListOrder | Unset = UNSET,
    page: int | Unset = 1,
    playbook: str | Unset = UNSET,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: AnsiblePlaybooksListSort | Unset = UNSET,
    status: list[AnsiblePlaybooksListStatusItem] | Unset = UNSET,

) -> Response[Error | PaginatedExecutionList]:
    """ Playbook runs, newest first (filters: playbook, status, server)

    Args:
        after (datetime.datetime | Unset):
        order (AnsiblePlaybooksListOrder | Unset):
        page (int | Unset):  Default: 1.
        playbook (str | Unset):
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (AnsiblePlaybooksListSort | Unset):
        status (list[AnsiblePlaybooksListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedExecutionList]
     """


    kwargs = _get_kwargs(
        after=after,
order=order,
page=page,
playbook=playbook,
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
    after: datetime.datetime | Unset = UNSET,
    order: AnsiblePlaybooksListOrder | Unset = UNSET,
    page: int | Unset = 1,
    playbook: str | Unset = UNSET,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: AnsiblePlaybooksListSort | Unset = UNSET,
    status: list[AnsiblePlaybooksListStatusItem] | Unset = UNSET,

) -> Error | PaginatedExecutionList | None:
    """ Playbook runs, newest first (filters: playbook, status, server)

    Args:
        after (datetime.datetime | Unset):
        order (AnsiblePlaybooksListOrder | Unset):
        page (int | Unset):  Default: 1.
        playbook (str | Unset):
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (AnsiblePlaybooksListSort | Unset):
        status (list[AnsiblePlaybooksListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedExecutionList
     """


    return sync_detailed(
        client=client,
after=after,
order=order,
page=page,
playbook=playbook,
server=server,
size=size,
sort=sort,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: datetime.datetime | Unset = UNSET,
    order: AnsiblePlaybooksListOrder | Unset = UNSET,
    page: int | Unset = 1,
    playbook: str | Unset = UNSET,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: AnsiblePlaybooksListSort | Unset = UNSET,
    status: list[AnsiblePlaybooksListStatusItem] | Unset = UNSET,

) -> Response[Error | PaginatedExecutionList]:
    """ Playbook runs, newest first (filters: playbook, status, server)

    Args:
        after (datetime.datetime | Unset):
        order (AnsiblePlaybooksListOrder | Unset):
        page (int | Unset):  Default: 1.
        playbook (str | Unset):
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (AnsiblePlaybooksListSort | Unset):
        status (list[AnsiblePlaybooksListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedExecutionList]
     """


    kwargs = _get_kwargs(
        after=after,
order=order,
page=page,
playbook=playbook,
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
    after: datetime.datetime | Unset = UNSET,
    order: AnsiblePlaybooksListOrder | Unset = UNSET,
    page: int | Unset = 1,
    playbook: str | Unset = UNSET,
    server: int | Unset = UNSET,
    size: int | Unset = 20,
    sort: AnsiblePlaybooksListSort | Unset = UNSET,
    status: list[AnsiblePlaybooksListStatusItem] | Unset = UNSET,

) -> Error | PaginatedExecutionList | None:
    """ Playbook runs, newest first (filters: playbook, status, server)

    Args:
        after (datetime.datetime | Unset):
        order (AnsiblePlaybooksListOrder | Unset):
        page (int | Unset):  Default: 1.
        playbook (str | Unset):
        server (int | Unset):
        size (int | Unset):  Default: 20.
        sort (AnsiblePlaybooksListSort | Unset):
        status (list[AnsiblePlaybooksListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedExecutionList
     """


    return (await asyncio_detailed(
        client=client,
after=after,
order=order,
page=page,
playbook=playbook,
server=server,
size=size,
sort=sort,
status=status,

    )).parsed
